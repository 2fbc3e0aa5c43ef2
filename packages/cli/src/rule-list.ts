import { type Config, type RuleDefinition, resolveSetting } from '@llm-notes/core';

/** The rules table as aligned text: id, severity under this config, fixable, description. */
export function formatRuleList(rules: readonly RuleDefinition[], config: Config): string {
  const rows = rules.map((rule) => [rule.id, resolveSetting(rule, config).severity, rule.fixable ? 'fixable' : '', rule.description]);
  const header = ['rule', 'severity', 'fix', 'description'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
