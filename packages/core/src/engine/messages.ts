import type { TextEdit } from '../edits.js';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';

/** A finding as plain data: crosses worker boundaries and lives in the lint cache. */
export interface StoredMessage {
  readonly reason: string;
  readonly place: VFileMessage['place'];
  readonly ruleId: string | undefined;
  readonly source: string | undefined;
  /** `true` error, `false` warning, `undefined` info (vfile's convention). */
  readonly fatal: boolean | undefined;
  readonly url: string | undefined;
  readonly expected: string[] | undefined;
  readonly note: string | undefined;
  readonly fix: TextEdit[] | undefined;
}

export function storeMessages(file: VFile): StoredMessage[] {
  return storeMessageList(file.messages);
}

export function storeMessageList(messages: readonly VFileMessage[]): StoredMessage[] {
  return messages.map((message) => ({
    reason: message.reason,
    place: message.place ? structuredClone(message.place) : undefined,
    ruleId: message.ruleId,
    source: message.source,
    fatal: message.fatal ?? undefined,
    url: message.url,
    expected: message.expected,
    note: message.note,
    fix: message.fix,
  }));
}

/** Adds stored findings back onto a vfile, as the rules reported them. */
export function restoreMessages(file: VFile, stored: readonly StoredMessage[]): void {
  for (const data of stored) {
    const message = file.message(data.reason, {
      ...(data.place ? { place: data.place } : {}),
      ...(data.ruleId ? { ruleId: data.ruleId } : {}),
      ...(data.source ? { source: data.source } : {}),
    });
    message.fatal = data.fatal;
    if (data.url) message.url = data.url;
    if (data.expected) message.expected = data.expected;
    if (data.note) message.note = data.note;
    if (data.fix) message.fix = data.fix;
  }
}
