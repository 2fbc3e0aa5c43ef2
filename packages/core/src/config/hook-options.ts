import { z } from 'zod';

/** Options of the pre-commit hook. */
export const hookOptionsSchema = z
  .strictObject({
    /** `update`: regenerate README.md and stage it; `block`: stop the commit and say which command to run. */
    readme: z.enum(['update', 'block']).default('update'),
  })
  .prefault({});

export type HookOptions = z.infer<typeof hookOptionsSchema>;
