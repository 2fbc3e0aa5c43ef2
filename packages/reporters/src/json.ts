import type { VFile } from 'vfile';
import { pathOf, severityOf, sortedMessages } from './severity.js';

export interface JsonMessage {
  ruleId: string | null;
  severity: 'error' | 'warning' | 'info';
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  message: string;
}

export interface JsonFileReport {
  path: string;
  messages: JsonMessage[];
}

export function toJsonReport(files: readonly VFile[]): JsonFileReport[] {
  return files.map((file) => ({
    path: pathOf(file),
    messages: sortedMessages(file.messages).map((message) => ({
      ruleId: message.ruleId ?? null,
      severity: severityOf(message),
      line: message.place && 'start' in message.place ? message.place.start.line : (message.line ?? null),
      column: message.place && 'start' in message.place ? message.place.start.column : (message.column ?? null),
      endLine: message.place && 'end' in message.place ? message.place.end.line : null,
      endColumn: message.place && 'end' in message.place ? message.place.end.column : null,
      message: message.reason,
    })),
  }));
}

/** A JSON array of `{path, messages}`, one entry per file. */
export function formatJson(files: readonly VFile[]): string {
  return `${JSON.stringify(toJsonReport(files), null, 2)}\n`;
}
