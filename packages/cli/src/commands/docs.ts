import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ruleDocsPath, writeFileAtomic } from '@llm-notes/core';
import type { Command } from '../command.js';
import { CONFIG_SCHEMA_FILE, configJsonSchema } from '../config-json-schema.js';
import { CONFIG_REFERENCE_FILE, renderConfigReference } from '../config-reference.js';
import { renderRuleDoc } from '../rule-docs.js';
import { allRules } from '../rules-table.js';

export const docsCommand: Command = {
  name: 'docs',
  summary: 'write docs/rules/<id>.md, docs/config.md and notes.config.schema.json from the rules table and config schema',
  help: `Usage: notes docs [--check]

Writes one page per rule under docs/rules/ and the config's JSON schema
(notes.config.schema.json) from the rules table, and the config reference
(docs/config.md: every key, its default and description) from the config schema.

Options:
  --check   write nothing; exit 1 when a page is missing or out of date`,
  options: { check: { type: 'boolean' } },
  allowPositionals: false,
  async run(context, args) {
    const pages = allRules.map((rule) => ({ target: context.repo.resolve(ruleDocsPath(rule.id)), text: renderRuleDoc(rule) }));
    pages.push({ target: context.repo.resolve(CONFIG_SCHEMA_FILE), text: configJsonSchema(allRules) });
    pages.push({ target: context.repo.resolve(CONFIG_REFERENCE_FILE), text: renderConfigReference() });
    let stale = 0;
    for (const { target, text } of pages) {
      const name = context.repo.relative(target);
      if (existsSync(target) && readFileSync(target, 'utf8') === text) continue;
      stale++;
      if (args.values.check) {
        context.stderr.write(`${name} is out of date; run \`${context.invocation.command('docs')}\`\n`);
        continue;
      }
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileAtomic(target, text, { root: context.repo.path });
      context.stdout.write(`wrote ${name}\n`);
    }
    return args.values.check && stale > 0 ? 1 : 0;
  },
};
