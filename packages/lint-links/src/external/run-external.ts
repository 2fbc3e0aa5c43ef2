import {
  type EnabledRule,
  type LintContext,
  type LintSession,
  MAX_NOTE_BYTES,
  type RepoRoot,
  UserError,
  createLinter,
  readNote,
  readRegularFile,
  resolveConfigOutput,
} from '@llm-notes/core';
import type { VFile } from 'vfile';
import { EXTERNAL_LINES, EXTERNAL_RESULTS } from '../rules/link-external.js';
import { type ChangedLines, changedLinesSince } from './changed-lines.js';
import { checkAll } from './check-all.js';
import { externalLinks } from './external-links.js';
import { networkUnavailable } from './network-probe.js';
import { ResultCache } from './result-cache.js';

export interface ExternalRunOptions {
  /** Only links on lines added or changed since this git ref. */
  readonly changedSince?: string | undefined;
  /** Every rule id of the host, for the rule's `<!-- lint ignore -->` comments. */
  readonly knownRuleIds?: readonly string[];
}

function externalLinkCount(count: number): string {
  return `${count} external link${count === 1 ? '' : 's'}`;
}

/** No network: the whole check is impossible, which is not a finding about any link (exit 2). */
export class NetworkUnavailableError extends UserError {}

function changedSince(repo: RepoRoot, ref: string): ChangedLines {
  try {
    return changedLinesSince(repo.path, ref);
  } catch (error) {
    const detail = String((error as { stderr?: unknown }).stderr ?? (error as Error).message).trim().split('\n')[0];
    throw new UserError(`--changed-since: cannot diff against \`${ref}\` (${detail})`);
  }
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/**
 * `lint --external`: checks the `http(s)` links of the linted files over the
 * network, then runs the `link-external` rule on the notes that have them,
 * so its findings follow the config's severity and the `<!-- lint ignore -->`
 * comments like every rule's. A link the network could not settle (rate
 * limit, anti-bot wall) is a warning. Results are cached in
 * `links.cacheFile`, saved even when the run fails. Without a network the
 * run stops with one error (exit 2) before any link is tried.
 * Returns the number of distinct URLs looked at.
 */
export async function checkExternalLinks(context: LintSession, rule: EnabledRule, files: readonly VFile[], options: ExternalRunOptions = {}): Promise<number> {
  const { repo, config } = context;
  const changed = options.changedSince === undefined ? undefined : changedSince(repo, options.changedSince);
  const urls = new Set<string>();
  const onlyLines = new Map<string, Set<number>>();
  const notes: VFile[] = [];
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
    const links = externalLinks(text).filter((link) => lines === undefined || lines === 'all' || lines.has(link.line));
    if (links.length === 0) continue;
    if (lines !== undefined && lines !== 'all') onlyLines.set(relPath, lines);
    for (const link of links) urls.add(link.url);
    notes.push(file);
  }
  const links = config.links;
  const exclude = links.exclude.map((pattern) => {
    try {
      return new RegExp(pattern, 'u');
    } catch (error) {
      throw new UserError(`\`links.exclude\`: ${(error as Error).message}`, { file: 'notes.config.json' });
    }
  });
  const cache = new ResultCache(resolveConfigOutput(repo, 'links.cacheFile', links.cacheFile), links.cacheMaxAgeHours * 3_600_000, Date.now, {
    root: repo.path,
    shown: links.cacheFile,
  });

  const toAsk = [...urls].filter((url) => !exclude.some((pattern) => pattern.test(url)) && cache.get(url) === undefined);
  const offline = await networkUnavailable(toAsk.flatMap((url) => hostOf(url) ?? []));
  if (offline !== undefined) {
    throw new NetworkUnavailableError(`network unavailable: ${offline}; ${externalLinkCount(toAsk.length)} not checked (run again with a network)`);
  }

  const results = await checkAll(urls, {
    timeoutMs: links.timeoutMs,
    retries: links.retries,
    backoffMs: links.backoffMs,
    maxRetryAfterMs: links.maxRetryAfterSeconds * 1000,
    deadlineMs: links.deadlineSeconds * 1000,
    concurrencyPerHost: links.concurrencyPerHost,
    exclude: links.exclude,
    cache,
  });

  // The rule's own pass, in this thread, over the notes with links: the answers travel in the run context.
  const lint = createLinter([rule], options.knownRuleIds ?? [rule.rule.id]);
  const lintContext: LintContext = {
    repo,
    config,
    content: context.loadContent(),
    cache: new Map<string, unknown>([
      [EXTERNAL_RESULTS, results],
      [EXTERNAL_LINES, onlyLines],
    ]),
  };
  for (const target of notes) {
    const checked = await lint(readNote(repo, target.path), lintContext);
    for (const message of checked.messages) {
      if (message.ruleId !== 'link-external') continue;
      target.messages.push(message);
    }
  }
  return urls.size;
}
