import { z } from 'zod';

/** Options of the link rules and of the external-link check. */
export const linkOptionsSchema = z
  .strictObject({
    repositoryUrl: z
      .string()
      .url()
      .nullable()
      .default(null)
      .describe("This repository's URL on GitHub, to flag absolute links to it that should be relative; `null` for none."),
    exclude: z.array(z.string()).default([]).describe('Regular expressions of URLs the external check skips.'),
    timeoutMs: z.number().int().positive().default(10_000).describe('Time limit of one external request, in milliseconds.'),
    concurrencyPerHost: z.number().int().positive().default(2).describe('External requests in flight at once to one host.'),
    retries: z.number().int().nonnegative().default(2).describe('Retries of an external request that failed for a transient reason.'),
    backoffMs: z.number().int().nonnegative().default(500).describe('First wait before a retry, in milliseconds; doubles each time.'),
    maxRetryAfterSeconds: z
      .number()
      .nonnegative()
      .max(10)
      .default(10)
      .describe('Longest `Retry-After` (HTTP 429) waited for, at most 10 seconds; a longer one is reported as a warning at once, and no connection slot is held while waiting.'),
    deadlineSeconds: z
      .number()
      .positive()
      .max(3600)
      .default(300)
      .describe('Overall deadline of `lint --external`, in seconds; links left when it passes are reported as not checked in time.'),
    cacheFile: z.string().default('.cache/external-links.json').describe('Cache file of external results, relative to the repository root.'),
    cacheMaxAgeHours: z.number().nonnegative().default(24).describe('Age after which a cached external result is checked again.'),
  })
  .prefault({})
  .describe('Options of the link rules and of `lint --external`.');

export type LinkOptions = z.infer<typeof linkOptionsSchema>;
