import type { VFile } from 'vfile';
import { toJsonReport } from './json.js';

function escapeData(value: string): string {
  return value.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::…`), which the
 * pull request page shows as annotations on the lines they name.
 */
export function formatGithub(files: readonly VFile[]): string {
  const lines: string[] = [];
  for (const file of toJsonReport(files)) {
    for (const message of file.messages) {
      const properties = [`file=${escapeProperty(file.path)}`];
      if (message.line !== null) properties.push(`line=${message.line}`);
      if (message.column !== null) properties.push(`col=${message.column}`);
      if (message.endLine !== null) properties.push(`endLine=${message.endLine}`);
      if (message.endColumn !== null) properties.push(`endColumn=${message.endColumn}`);
      if (message.ruleId) properties.push(`title=${escapeProperty(message.ruleId)}`);
      lines.push(`::${COMMAND[message.severity]} ${properties.join(',')}::${escapeData(message.message)}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
