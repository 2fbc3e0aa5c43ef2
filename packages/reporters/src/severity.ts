import type { VFileMessage } from 'vfile-message';

export type Severity = 'error' | 'warning' | 'info';

/** vfile's convention: `fatal: true` is an error, `false` a warning, unset an info. */
export function severityOf(message: VFileMessage): Severity {
  if (message.fatal === true) return 'error';
  if (message.fatal === false) return 'warning';
  return 'info';
}

/** Messages in reading order: by line, then column. */
export function sortedMessages(messages: readonly VFileMessage[]): VFileMessage[] {
  return [...messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

export function pathOf(file: { path?: string; history: string[] }): string {
  return file.path ?? file.history.at(-1) ?? '<stdin>';
}
