// Preloaded with `node --import` by the reliability tests: records every path
// the process opens, reads, writes, lists, renames or removes through `fs`,
// resolved through symlinks, one per line in $RECORD_FS_LOG. The test then
// checks that none lies outside the repository (or the toolchain itself).
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';

const log = process.env.RECORD_FS_LOG;
const { appendFileSync, realpathSync } = fs;
const seen = new Set();
let writingLog = false;

function resolveReal(target) {
  const absolute = path.resolve(String(target instanceof URL ? target.pathname : target));
  try {
    return realpathSync.native(absolute);
  } catch {
    return absolute; // Not there (yet): keep the lexical path.
  }
}

function record(target) {
  // Writing the log goes through the patched fs too: never record the recorder.
  if (writingLog) return;
  if (typeof target !== 'string' && !(target instanceof URL) && !Buffer.isBuffer(target)) return;
  writingLog = true;
  try {
    const absolute = resolveReal(target);
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
];
const TWO_PATHS = new Set(['renameSync', 'rename', 'copyFileSync', 'copyFile']);

if (log) {
  for (const name of PATH_FIRST) {
    const original = fs[name];
    if (typeof original !== 'function') continue;
    fs[name] = function recorded(...args) {
      record(args[0]);
      if (TWO_PATHS.has(name)) record(args[1]);
      return original.apply(this, args);
    };
  }
  for (const name of ['open', 'readFile', 'writeFile', 'readdir', 'opendir', 'rm', 'unlink', 'mkdir', 'rename', 'copyFile', 'stat', 'lstat', 'access']) {
    const original = fs.promises[name];
    if (typeof original !== 'function') continue;
    fs.promises[name] = function recorded(...args) {
      record(args[0]);
      if (TWO_PATHS.has(name)) record(args[1]);
      return original.apply(this, args);
    };
  }
  syncBuiltinESMExports();
}
