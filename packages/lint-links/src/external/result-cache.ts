import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '@llm-notes/core';
import type { UrlResult } from './check-url.js';

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
  ) {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Stored>;
      for (const [url, entry] of Object.entries(data)) if (this.now() - entry.checkedAt <= this.maxAgeMs) this.entries.set(url, entry);
    } catch {
      // No cache yet, or an unreadable one: start empty.
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
    writeFileAtomic(this.file, `${JSON.stringify(Object.fromEntries([...this.entries].sort(([a], [b]) => (a < b ? -1 : 1))), null, 1)}\n`);
  }
}
