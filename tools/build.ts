// `npm run build`: each worker bundled and minified as `wrangler deploy` would, into dist/<worker>/.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { WORKERS, WRANGLER_ENV } from './workers';

export function buildWorkers(): void {
  for (const worker of WORKERS) {
    const result = spawnSync('npx', ['wrangler', 'deploy', '--dry-run', '--minify', '--outdir', resolve('dist', worker.name), '-c', worker.config], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ...WRANGLER_ENV },
    });
    if (result.status !== 0) throw new Error(`building ${worker.name} failed`);
    console.log(`built ${worker.name} -> dist/${worker.name}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) buildWorkers();
