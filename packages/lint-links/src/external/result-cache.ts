import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { UserError, readRegularFileIfExists, writeFileAtomic } from '@llm-notes/core';
import type { UrlResult } from './check-url.js';

/** The cache holds one short entry per URL; larger is not a cache of ours. */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;

interface Stored {
  readonly verdict: UrlResult['verdict'];
  readonly status: number | undefined;
  readonly detail: string;
  /** Milliseconds since the epoch. */
  readonly checkedAt: number;
}

/**
 * Results of earlier external checks, by URL, trusted for `maxAgeMs`. Only
 * definite answers are kept (a status code that is not 429); time-outs and
 * rate limits are asked again next time.
 */
export class ResultCache {
  private readonly entries = new Map<string, Stored>();

  constructor(
    private readonly file: string,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
    /** The repository root (temp files go to its reserved folder) and the name shown in messages. */
    private readonly where: { readonly root: string; readonly shown: string } = { root: path.dirname(file), shown: file },
  ) {
    const shown = where.shown;
    // A FIFO, device or oversized file at the cache's path is refused (UserError), never read.
    const bytes = readRegularFileIfExists(file, shown, { maxBytes: MAX_CACHE_BYTES });
    if (bytes === undefined) return;
    try {
      const data = JSON.parse(bytes.toString('utf8')) as Record<string, Stored>;
      for (const [url, entry] of Object.entries(data)) {
        if (typeof entry?.checkedAt === 'number' && this.now() - entry.checkedAt <= this.maxAgeMs) this.entries.set(url, entry);
      }
    } catch (error) {
      if (error instanceof UserError) throw error;
      // An unreadable cache of ours: start empty.
    }
  }

  get(url: string): UrlResult | undefined {
    const entry = this.entries.get(url);
    if (!entry || this.now() - entry.checkedAt > this.maxAgeMs) return undefined;
    return { url, verdict: entry.verdict, status: entry.status, detail: `${entry.detail} (cached)` };
  }

  set(result: UrlResult): void {
    if (result.status === undefined || result.status === 429) return;
    this.entries.set(result.url, { verdict: result.verdict, status: result.status, detail: result.detail, checkedAt: this.now() });
  }

  /** Writes the cache atomically (`file` must already be checked to lie inside the root). */
  save(): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileAtomic(this.file, `${JSON.stringify(Object.fromEntries([...this.entries].sort(([a], [b]) => (a < b ? -1 : 1))), null, 1)}\n`, {
      root: this.where.root,
    });
  }
}
