import { VFile } from 'vfile';
import { UserError } from './errors.js';
import { stampOf } from './atomic-write.js';
import { readRegularFileWithStats } from './regular-file.js';
import type { RepoRoot } from './safe-path.js';
import { decodeText } from './text-file.js';
import { MAX_NOTE_BYTES } from './note-limits.js';
import { SOURCE } from './rule.js';

export { MAX_NOTE_BYTES } from './note-limits.js';

/**
 * Adds a fatal message (an error that stopped processing of this file) in
 * place of a crash, as vfile does for pipeline failures.
 */
export function addFatal(file: VFile, reason: string, ruleId: string, line?: number): void {
  const message = file.message(reason, {
    ruleId,
    source: SOURCE,
    ...(line === undefined ? {} : { place: { line, column: 1 } }),
  });
  message.fatal = true;
}

/**
 * Reads a note into a vfile (path relative to the root, `cwd` the root) with
 * its decoded text in `file.data.decoded`. A file that cannot be read safely
 * (outside the root, not UTF-8, binary, missing) comes back with a fatal
 * message and no value, and is never rewritten.
 */
export function readNote(repo: RepoRoot, target: string): VFile {
  let relPath = target;
  try {
    const absolute = repo.resolve(target);
    relPath = repo.relative(absolute);
    const { bytes, stats } = readRegularFileWithStats(absolute, relPath, { maxBytes: MAX_NOTE_BYTES });
    const decoded = { ...decodeText(bytes, relPath), stamp: stampOf(bytes, stats) };
    const file = new VFile({ path: relPath, cwd: repo.path, value: decoded.text });
    file.data.decoded = decoded;
    return file;
  } catch (error) {
    const file = new VFile({ path: relPath, cwd: repo.path });
    if (error instanceof UserError) addFatal(file, error.message, 'read-error', error.line);
    else addFatal(file, `cannot read file: ${(error as Error).message}`, 'read-error');
    return file;
  }
}
