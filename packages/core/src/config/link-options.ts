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
    /** Cache file for external results, relative to the repository root. */
    cacheFile: z.string().default('.cache/external-links.json'),
    cacheMaxAgeHours: z.number().nonnegative().default(24),
  })
  .prefault({});

export type LinkOptions = z.infer<typeof linkOptionsSchema>;
