import { z } from 'zod';

/** Options of the link rules and of the external-link check. */
export const linkOptionsSchema = z
  .strictObject({
    /** This repository's URL on GitHub, to flag absolute links that should be relative. */
    repositoryUrl: z.string().url().nullable().default(null),
    /** Regular expressions of URLs the external check skips. */
    exclude: z.array(z.string()).default([]),
    timeoutMs: z.number().int().positive().default(10_000),
    concurrencyPerHost: z.number().int().positive().default(2),
    retries: z.number().int().nonnegative().default(2),
    /** First wait before a retry; doubles each time. */
    backoffMs: z.number().int().nonnegative().default(500),
    /** Longest `Retry-After` (429) waited for; a longer one is reported as a warning at once. */
    maxRetryAfterSeconds: z.number().nonnegative().default(60),
    /** Cache file for external results, relative to the repository root. */
    cacheFile: z.string().default('.cache/external-links.json'),
    cacheMaxAgeHours: z.number().nonnegative().default(24),
  })
  .prefault({});

export type LinkOptions = z.infer<typeof linkOptionsSchema>;
