import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '../../tools/migrate';
import { startNeonProxy } from '../../tools/neon-proxy';
import { startPostgres } from '../../tools/postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    neonProxyUrl: string;
  }
}

/** One real Postgres (Debian's server) and the Neon-driver proxy for the whole workers suite. */
export default async function setup(project: TestProject) {
  const postgres = await startPostgres();
  await migrateDatabase(postgres.url);
  const proxy = await startNeonProxy({ databaseUrl: postgres.url });
  project.provide('databaseUrl', postgres.url);
  project.provide('neonProxyUrl', proxy.url);
  return async () => {
    await proxy.stop();
    await postgres.stop();
  };
}
