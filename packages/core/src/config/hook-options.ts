import { z } from 'zod';

/** Options of the pre-commit hook. */
export const hookOptionsSchema = z
  .strictObject({
    readme: z
      .enum(['update', 'block'])
      .default('update')
      .describe('Pre-commit: `update` regenerates the README and stages it; `block` stops the commit and says which command to run.'),
  })
  .prefault({})
  .describe('Options of the pre-commit hook.');

export type HookOptions = z.infer<typeof hookOptionsSchema>;
