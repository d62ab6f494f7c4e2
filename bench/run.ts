// `npm run bench`: every benchmark in bench/, one after another.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

/** This runner and the helpers the benchmarks share. */
const NOT_BENCHES = new Set(['run.ts', 'support.ts']);
const benches = readdirSync('bench').filter((file) => file.endsWith('.ts') && !NOT_BENCHES.has(file));
for (const bench of benches) {
  console.log(`\n=== ${bench}`);
  const result = spawnSync('npx', ['tsx', `bench/${bench}`], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
