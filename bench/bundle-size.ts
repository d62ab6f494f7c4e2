// Bundle size of every worker as deployed (minified), raw and gzip: what cold starts pay for.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWorkers } from '../tools/build';
import { WORKERS } from '../tools/workers';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function bundleSizes() {
  buildWorkers();
  return WORKERS.map((worker) => {
    const dir = `dist/${worker.name}`;
    const files = readdirSync(dir).filter((file) => file.endsWith('.js'));
    const code = Buffer.concat(files.map((file) => readFileSync(join(dir, file))));
    return { worker: worker.name, raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = bundleSizes();
  console.log('\nworker        minified     gzip');
  for (const row of rows) console.log(`${row.worker.padEnd(13)} ${kib(row.raw).padStart(10)} ${kib(row.gzip).padStart(10)}`);
}
