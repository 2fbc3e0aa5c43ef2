import { type Config, MAX_NOTE_BYTES, type RepoRoot, UserError, readRegularFile, resolveConfigOutput } from '@llm-notes/core';
import { type ChangedLines, type ExternalLink, ResultCache, changedLinesSince, checkAll, externalLinks } from '@llm-notes/lint-links';
import type { VFile } from 'vfile';

export interface ExternalRunOptions {
  /** Only links on lines added or changed since this git ref. */
  readonly changedSince?: string | undefined;
}

function changedSince(repo: RepoRoot, ref: string): ChangedLines {
  try {
    return changedLinesSince(repo.path, ref);
  } catch (error) {
    const detail = String((error as { stderr?: unknown }).stderr ?? (error as Error).message).trim().split('\n')[0];
    throw new UserError(`--changed-since: cannot diff against \`${ref}\` (${detail})`);
  }
}

/**
 * Checks the `http(s)` links of the linted files over the network (`lint
 * --external`) and adds a `link-external` finding for each broken one: an
 * error, or a warning for rate limits and anti-bot walls. Results are cached
 * in `links.cacheFile`, saved even when the run fails.
 */
export async function checkExternalLinks(repo: RepoRoot, config: Config, files: readonly VFile[], options: ExternalRunOptions = {}): Promise<number> {
  const changed = options.changedSince === undefined ? undefined : changedSince(repo, options.changedSince);
  const uses: { file: VFile; link: ExternalLink }[] = [];
  for (const file of files) {
    const relPath = file.path;
    const lines = changed?.get(relPath);
    if (changed && lines === undefined) continue;
    let text: string;
    try {
      text = readRegularFile(repo.resolve(relPath), relPath, { maxBytes: MAX_NOTE_BYTES }).toString('utf8');
    } catch {
      continue;
    }
    for (const link of externalLinks(text)) {
      if (lines === undefined || lines === 'all' || lines.has(link.line)) uses.push({ file, link });
    }
  }
  const links = config.links;
  for (const pattern of links.exclude) {
    try {
      new RegExp(pattern, 'u');
    } catch (error) {
      throw new UserError(`\`links.exclude\`: ${(error as Error).message}`, { file: 'notes.config.json' });
    }
  }
  const cache = new ResultCache(resolveConfigOutput(repo, 'links.cacheFile', links.cacheFile), links.cacheMaxAgeHours * 3_600_000, Date.now, links.cacheFile);
  const results = await checkAll(
    uses.map((use) => use.link.url),
    {
      timeoutMs: links.timeoutMs,
      retries: links.retries,
      backoffMs: links.backoffMs,
      maxRetryAfterMs: links.maxRetryAfterSeconds * 1000,
      concurrencyPerHost: links.concurrencyPerHost,
      exclude: links.exclude,
      cache,
    },
  );
  for (const { file, link } of uses) {
    const result = results.get(link.url);
    if (!result || result.verdict === 'ok') continue;
    const message = file.message(`External link \`${link.url}\` ${result.verdict === 'broken' ? 'is broken' : 'could not be confirmed'}: ${result.detail}`, {
      place: { line: link.line, column: link.column },
      ruleId: 'link-external',
      source: 'llm-notes',
    });
    message.fatal = result.verdict === 'broken';
  }
  return new Set(uses.map((use) => use.link.url)).size;
}
