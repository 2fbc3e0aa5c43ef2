// Preloaded with `node --import` by the reliability tests: records every path
// the process opens, reads, writes, lists, renames or removes through `fs`,
// resolved through symlinks, one per line in $RECORD_FS_LOG. The test then
// checks that none lies outside the repository (or the toolchain itself).
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';

// Set (even empty) to record; a long-lived process switches logs between commands with `recordInto`.
let log = process.env.RECORD_FS_LOG;
const recording = log !== undefined;
const { appendFileSync, realpathSync } = fs;
const seen = new Set();

/** Records into `file` from now on, each path once more (or stops recording with undefined). */
export function recordInto(file) {
  log = file;
  seen.clear();
}
let writingLog = false;

/** The real path; with `noFollow` (lstat), the final component itself is not followed. */
function resolveReal(target, noFollow) {
  const absolute = path.resolve(String(target instanceof URL ? target.pathname : target));
  try {
    if (noFollow) return path.join(realpathSync.native(path.dirname(absolute)), path.basename(absolute));
    return realpathSync.native(absolute);
  } catch {
    return absolute; // Not there (yet): keep the lexical path.
  }
}

function record(target, noFollow = false) {
  // Writing the log goes through the patched fs too: never record the recorder.
  if (writingLog || !log) return;
  if (typeof target !== 'string' && !(target instanceof URL) && !Buffer.isBuffer(target)) return;
  writingLog = true;
  try {
    const absolute = resolveReal(target, noFollow);
    if (!seen.has(absolute)) {
      seen.add(absolute);
      appendFileSync(log, `${absolute}\n`);
    }
  } finally {
    writingLog = false;
  }
}

const PATH_FIRST = [
  'openSync', 'open', 'readFileSync', 'readFile', 'writeFileSync', 'writeFile', 'appendFile',
  'readdirSync', 'readdir', 'opendirSync', 'opendir', 'createReadStream', 'createWriteStream',
  'rmSync', 'rm', 'unlinkSync', 'unlink', 'mkdirSync', 'mkdir', 'copyFileSync', 'copyFile',
  'renameSync', 'rename', 'statSync', 'stat', 'lstatSync', 'lstat', 'existsSync', 'accessSync', 'access',
  'readlinkSync', 'readlink', 'realpathSync', 'realpath',
];
const TWO_PATHS = new Set(['renameSync', 'rename', 'copyFileSync', 'copyFile']);
// These look at a symlink itself, not at what it points to.
const NO_FOLLOW = new Set(['lstatSync', 'lstat', 'readlinkSync', 'readlink', 'unlinkSync', 'unlink', 'rmSync', 'rm', 'renameSync', 'rename']);

if (recording) {
  for (const name of PATH_FIRST) {
    const original = fs[name];
    if (typeof original !== 'function') continue;
    fs[name] = function recorded(...args) {
      // An open with O_NOFOLLOW (lock files) does not go through a final symlink either.
      const noFollowOpen = (name === 'openSync' || name === 'open') && typeof args[1] === 'number' && (args[1] & fs.constants.O_NOFOLLOW) !== 0;
      record(args[0], NO_FOLLOW.has(name) || noFollowOpen);
      if (TWO_PATHS.has(name)) record(args[1], true);
      return original.apply(this, args);
    };
    Object.assign(fs[name], original); // keeps `realpathSync.native` and the like
  }
  for (const name of ['open', 'readFile', 'writeFile', 'readdir', 'opendir', 'rm', 'unlink', 'mkdir', 'rename', 'copyFile', 'stat', 'lstat', 'access', 'readlink', 'realpath']) {
    const original = fs.promises[name];
    if (typeof original !== 'function') continue;
    fs.promises[name] = function recorded(...args) {
      record(args[0], NO_FOLLOW.has(name));
      if (TWO_PATHS.has(name)) record(args[1], true);
      return original.apply(this, args);
    };
  }
  syncBuiltinESMExports();
}
