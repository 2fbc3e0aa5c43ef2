import type { RuleDefinition } from '@llm-notes/core';

function fence(markdown: string): string {
  const longest = Math.max(2, ...[...markdown.matchAll(/`+/gu)].map((match) => match[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}markdown\n${markdown.endsWith('\n') ? markdown : `${markdown}\n`}${ticks}`;
}

/** The documentation page of one rule, generated from the rules table. */
export function renderRuleDoc(rule: RuleDefinition): string {
  const severity = typeof rule.defaultSeverity === 'function' ? 'depends on config' : rule.defaultSeverity;
  return `# ${rule.id}

${rule.description}

- Default severity: \`${severity}\`
- Fixable by \`pnpm fix\`: ${rule.fixable ? 'yes' : 'no'}
- Configure in \`notes.config.json\`: \`{"rules": {"${rule.id}": "error"}}\` (\`off\`, \`warn\` or \`error\`)
- Silence one place: \`<!-- lint ignore ${rule.id} -->\` before the block

## Reported

${fence(rule.docs.fail)}

## Not reported

${fence(rule.docs.pass)}
`;
}
