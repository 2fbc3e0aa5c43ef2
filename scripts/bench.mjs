// `pnpm bench [topic…]`: runs every benchmark script (scripts/bench-<topic>.mjs),
// or only the named topics, one after the other, each printing its own figures.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const folder = path.dirname(new URL(import.meta.url).pathname);
const available = readdirSync(folder)
  .filter((name) => /^bench-[\w-]+\.mjs$/u.test(name))
  .map((name) => name.slice('bench-'.length, -'.mjs'.length))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((topic) => !available.includes(topic));
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(', ')} (available: ${available.join(', ')})`);
  process.exit(2);
}
let failed = false;
for (const topic of wanted.length > 0 ? wanted : available) {
  console.log(`\n=== bench ${topic} ===`);
  const result = spawnSync(process.execPath, [path.join(folder, `bench-${topic}.mjs`)], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
