import { z } from 'zod';
import { hookOptionsSchema } from './hook-options.js';
import { imageOptionsSchema } from './image-options.js';
import { linkOptionsSchema } from './link-options.js';
import { readmeOptionsSchema } from './readme-options.js';

export const severitySchema = z.enum(['off', 'warn', 'error']);
export type SeverityLabel = z.infer<typeof severitySchema>;

/** A rule setting: a severity, or `[severity, options]`. */
export const ruleSettingSchema = z.union([severitySchema, z.tuple([severitySchema, z.unknown()])]);
export type RuleSetting = z.infer<typeof ruleSettingSchema>;

export const configSchema = z.strictObject({
  $schema: z.string().optional().describe('Path or URL of this file\'s JSON schema, for editors.'),
  content: z
    .string()
    .min(1)
    .default('content')
    .describe('Folder of the notes (`<n>.<chapter>/<m>.<section>.md`), relative to the repository root; `.` for the root itself.'),
  exclude: z
    .array(z.string().min(1))
    .default([])
    .describe('Globs (relative to the root) of Markdown files a run without file arguments leaves out.'),
  readme: readmeOptionsSchema,
  images: imageOptionsSchema,
  links: linkOptionsSchema,
  hooks: hookOptionsSchema,
  rules: z
    .record(z.string(), ruleSettingSchema)
    .default({})
    .describe('Severity per rule id (`off`, `warn`, `error`), or `[severity, options]`.'),
});

export type Config = z.infer<typeof configSchema>;
