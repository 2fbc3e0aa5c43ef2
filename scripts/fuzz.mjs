// `pnpm fuzz [--runs N]`: the fuzz tests with more cases than CI runs.
// fast-check prints the seed and the shrunk counterexample of any failure;
// replay it with FUZZ_SEED=<seed>. No per-test time limit: more cases take longer.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '2000' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs <= 0) {
  console.error('--runs takes a positive whole number');
  process.exit(2);
}
const result = spawnSync('pnpm', ['exec', 'vitest', 'run', 'tests/reliability/fuzz', '--testTimeout=0'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: String(runs) },
});
process.exit(result.status ?? 1);
