import type { RuleDefinition } from '@llm-notes/core';

function fence(body: string, language = 'markdown'): string {
  const longest = Math.max(2, ...[...body.matchAll(/`+/gu)].map((match) => match[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${language}\n${body.endsWith('\n') ? body : `${body}\n`}${ticks}`;
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

Messages (\`line:column: message\`):

${fence(rule.docs.messages.join('\n'), 'text')}

## Not reported

${fence(rule.docs.pass)}
`;
}
