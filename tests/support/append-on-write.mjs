// A user editing notes while a command rewrites them, for the lost-update race tests.
//
// usage: node append-on-write.mjs <watched folder> <max delay µs> <note>...
//
// Watches the folder where the toolchain makes its temp files (a write is
// about to be checked and renamed into place). At every new temp file it
// waits a random 0..max µs (busy, so the delay is real at this scale), then
// appends one numbered line to each note with probability 1/2, in a random
// order: some appends land before the command's check, some between check
// and rename, some after. Prints `ready` once watching, and on SIGTERM a JSON
// object: for each note, the lines appended to it, in order; then exits.
import { appendFileSync, watch } from 'node:fs';

const [folder, maxDelayText, ...notes] = process.argv.slice(2);
const maxDelay = Number(maxDelayText);
const seen = new Set();
let events = 0;
const appended = Object.fromEntries(notes.map((note) => [note, []]));

function busyWait(microseconds) {
  const until = process.hrtime.bigint() + BigInt(Math.round(microseconds * 1000));
  while (process.hrtime.bigint() < until);
}

function shuffled(list) {
  const copy = [...list];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(Math.random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

const watcher = watch(folder, (_type, name) => {
  if (!name || !String(name).endsWith('.llm-notes-tmp') || seen.has(String(name))) return;
  seen.add(String(name));
  busyWait(Math.random() * maxDelay);
  events++;
  for (const note of shuffled(notes)) {
    if (Math.random() < 0.5) continue;
    const line = `appended line ${events}\n`;
    appendFileSync(note, line);
    appended[note].push(line);
  }
});

process.on('SIGTERM', () => {
  watcher.close();
  process.stdout.write(`${JSON.stringify(appended)}\n`);
  process.exit(0);
});
process.stdout.write('ready\n');
