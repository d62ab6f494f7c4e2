// `npm run deploy`: routers first, so the edge's service bindings point at workers that exist.
import { spawnSync } from 'node:child_process';
import { ROUTER_WORKERS, WORKERS } from './workers';

for (const worker of [...ROUTER_WORKERS, WORKERS[0]]) {
  const result = spawnSync('npx', ['wrangler', 'deploy', '-c', worker.config], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
console.log('Deployed. Set the secrets once per worker: USERNAME, PASSWORD, API_KEY (edge); DATABASE_URL, MASTER_KEY (routers).');
