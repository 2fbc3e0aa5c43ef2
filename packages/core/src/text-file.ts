import type { FileStamp } from './atomic-write.js';
import { UserError } from './errors.js';
import { lineOfByte } from './github-markdown/source-location.js';

export type LineEnding = '\n' | '\r\n';

/** A Markdown file decoded for parsing, with what is needed to write it back byte-exactly. */
export interface DecodedText {
  /** The text without a leading byte order mark. */
  readonly text: string;
  readonly bom: boolean;
  /** The dominant line ending, used for any line break an edit inserts. */
  readonly eol: LineEnding;
  /** Size, mtime and hash of the file as read (set by `readNote`), for compare-and-swap writes. */
  readonly stamp?: FileStamp;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Binary search is not valid for UTF-8 prefixes, so decode growing chunks of lines.
  let start = 0;
  const strict = new TextDecoder('utf-8', { fatal: true });
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    end = end === -1 ? bytes.length : end + 1;
    try {
      strict.decode(bytes.subarray(start, end));
    } catch {
      return start;
    }
    start = end;
  }
  return 0;
}

/** The line ending used by most lines; LF when there is none. */
export function detectLineEnding(text: string): LineEnding {
  let crlf = 0;
  let lf = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    if (index > 0 && text.charCodeAt(index - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/**
 * Decodes a Markdown file strictly: invalid UTF-8 or a NUL byte is an error
 * naming the file and line, never silently replaced.
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch (error) {
    const line = lineOfByte(bytes, firstInvalidUtf8(bytes));
    throw new UserError('file is not valid UTF-8', { file: fileName, line, cause: error });
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw new UserError('file contains a NUL byte (binary file?)', { file: fileName, line: lineOfByte(bytes, nul) });
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  return { text, bom, eol: detectLineEnding(text) };
}

/** The bytes to write for `text`, with the byte order mark restored when the original had one. */
export function encodeText(text: string, bom: boolean): Buffer {
  return Buffer.from(bom ? `\uFEFF${text}` : text, 'utf8');
}
