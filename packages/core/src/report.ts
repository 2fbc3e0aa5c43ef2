import type { Node, Position } from 'unist';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { TextEdit } from './edits.js';

declare module 'vfile-message' {
  interface VFileMessage {
    /** Position-based edits that fix this finding (applied by `fix`). */
    fix?: TextEdit[] | undefined;
    /** A finding a rule reports as a warning only, whatever the rule's severity. */
    warningOnly?: boolean | undefined;
  }
}

export interface ReportOptions {
  readonly fix?: TextEdit[] | undefined;
  /** Suggested replacements, shown to the user (`expected` of vfile-message). */
  readonly expected?: string[] | undefined;
  /** Longer explanation shown under the message. */
  readonly note?: string | undefined;
  /** Report as a warning even when the rule runs as an error (a doubtful case; renderers differ). */
  readonly warningOnly?: boolean | undefined;
}

/** Reports a finding at a node or position, optionally with its fix. */
export function report(
  file: VFile,
  reason: string,
  place: Node | Position | undefined,
  options: ReportOptions = {},
): VFileMessage {
  const where = place && 'type' in place ? place.position : place;
  const message = file.message(reason, where ? { place: where } : {});
  if (options.fix && options.fix.length > 0) message.fix = options.fix;
  if (options.expected) message.expected = options.expected;
  if (options.note) message.note = options.note;
  if (options.warningOnly) message.warningOnly = true;
  return message;
}
