import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '@llm-notes/core';
import type { Command } from '../command.js';
import { renderRuleDoc } from '../rule-docs.js';
import { allRules } from '../rules-table.js';

export const docsCommand: Command = {
  name: 'docs',
  summary: 'write docs/rules/<id>.md for every rule from the rules table',
  help: `Usage: notes docs [--check]

Writes one page per rule under docs/rules/ from the rules table.

Options:
  --check   write nothing; exit 1 when a page is missing or out of date`,
  options: { check: { type: 'boolean' } },
  allowPositionals: false,
  async run(context, args) {
    const folder = context.repo.resolve('docs/rules');
    let stale = 0;
    for (const rule of allRules) {
      const target = path.join(folder, `${rule.id}.md`);
      const text = renderRuleDoc(rule);
      if (existsSync(target) && readFileSync(target, 'utf8') === text) continue;
      stale++;
      if (args.values.check) {
        context.stderr.write(`docs/rules/${rule.id}.md is out of date; run \`pnpm docs\`\n`);
        continue;
      }
      mkdirSync(folder, { recursive: true });
      writeFileAtomic(target, text);
      context.stdout.write(`wrote docs/rules/${rule.id}.md\n`);
    }
    return args.values.check && stale > 0 ? 1 : 0;
  },
};
