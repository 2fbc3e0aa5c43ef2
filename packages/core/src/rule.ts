import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { lintRule } from 'unified-lint-rule';
import type { VFile } from 'vfile';
import type { Config, SeverityLabel } from './config/schema.js';
import type { AfterFiles, RuleReads } from './engine/declarations.js';

import { SOURCE } from './source.js';

export { SOURCE };

/**
 * The toolchain's own repository on GitHub. A rule's `url` points at its docs
 * page there, whichever repository is being linted: the page explains our rule.
 */
export const TOOLCHAIN_REPOSITORY = 'https://github.com/kebijuelun/Awesome-LLM-Learning';

/** The docs page of a rule inside the toolchain repository (written by `notes docs`). */
export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** A rule's documentation as an absolute URL (what vfile-message expects in `url`). */
export function ruleDocsUrl(id: string): string {
  return `${TOOLCHAIN_REPOSITORY}/blob/main/${ruleDocsPath(id)}`;
}

export interface RuleMeta {
  /** Rule id, e.g. `link-missing-file`. */
  readonly id: string;
  /** One sentence: what the rule reports. */
  readonly description: string;
  /** True when `fix` can apply the rule's suggestions. */
  readonly fixable: boolean;
  /** Severity when the config does not name the rule; may depend on other config. */
  readonly defaultSeverity: SeverityLabel | ((config: Config) => SeverityLabel);
  /**
   * Markdown examples for the generated docs, asserted exactly by the rule
   * harness: `fail` gives exactly `messages` (`line:column: reason`), `pass` none.
   */
  readonly docs: RuleDocs;
  /**
   * What the rule reads beyond its own file (the repository's file tree, git's
   * index, facts of other notes, values remembered across runs). The lint
   * engine keys its cache on these declarations; a rule that reads nothing
   * else leaves it out.
   */
  readonly reads?: RuleReads;
  /** Findings computed once all files are linted, from facts of every file (see `AfterFiles`). */
  readonly afterFiles?: AfterFiles;
}

export interface RuleDocs {
  /** A note the rule reports on. */
  readonly fail: string;
  /** Every message the rule gives on `fail`, in order, as `line:column: reason`. */
  readonly messages: readonly string[];
  /** The same note written so that the rule is silent. */
  readonly pass: string;
}

export type RuleImplementation<Options> = (tree: Root, file: VFile, options: Options | undefined) => void | Promise<void>;

export interface RuleDefinition<Options = unknown> extends RuleMeta {
  /** A genuine remark-lint plugin: `unified().use(plugin, ['error', options])`. */
  readonly plugin: Plugin<[unknown?], Root>;
  /** Internal: the implementation, for tools that call it without unified. */
  readonly implementation: RuleImplementation<Options>;
}

/**
 * Makes a rule: a unified-lint-rule plugin that stamps `ruleId`, `source` and
 * the docs `url` on every message it reports, plus the metadata that feeds
 * `--list-rules`, the config schema and the docs.
 */
export function defineRule<Options = unknown>(meta: RuleMeta, implementation: RuleImplementation<Options>): RuleDefinition<Options> {
  const plugin = lintRule<Root, Options>({ origin: `${SOURCE}:${meta.id}`, url: ruleDocsUrl(meta.id) }, implementation);
  return { ...meta, plugin: plugin as unknown as Plugin<[unknown?], Root>, implementation };
}

/** Severity of `rule` under `config`: the config's own setting, else the rule's default. */
export function resolveSetting(rule: RuleMeta, config: Config): { severity: SeverityLabel; options: unknown } {
  const setting = config.rules[rule.id];
  if (setting === undefined) {
    const fallback = typeof rule.defaultSeverity === 'function' ? rule.defaultSeverity(config) : rule.defaultSeverity;
    return { severity: fallback, options: undefined };
  }
  return typeof setting === 'string' ? { severity: setting, options: undefined } : { severity: setting[0], options: setting[1] };
}
