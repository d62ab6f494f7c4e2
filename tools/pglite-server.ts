// Embedded PGlite (Postgres in WASM, no install needed) served over the Postgres wire protocol.
//
// Limit: PGlite is ONE backend session. pglite-socket 0.2.17 accepts up to `maxConnections` sockets
// (package default 1, extra ones get "Too many connections") and runs their wire messages one at a time
// in that single session. So connections share session state (SET, temp tables, named prepared
// statements), and while one connection is inside a transaction the others' queries wait for it (code
// that awaits connection B while holding a transaction open on A deadlocks).
// Outside transactions a query batch that arrives in one socket read is handled before the next
// socket's (5 clients x 100 concurrent parameterized queries came back correct), but a huge query split
// across reads could interleave with another connection's. Fine for dev and tests, not for load.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface LocalPglite {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startPglite(options: { port?: number; dataDir?: string } = {}): Promise<LocalPglite> {
  const dataDir = resolve(options.dataDir ?? '.colibri/pglite');
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  // The package default is 1 connection; a pg.Pool plus a migration tool or the Neon proxy need a few.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: options.port ?? 0, maxConnections: 10 });
  try {
    await server.start();
  } catch (err) {
    await db.close();
    throw err;
  }
  const port = Number(server.getServerConn().split(':').pop());
  return {
    // PGlite has a single database, `postgres`, whatever name the client asks for.
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
