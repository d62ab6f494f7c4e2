import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { neon, neonConfig, Pool } from '@neondatabase/serverless';
import pg from 'pg';
import ws from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useLocalNeonProxy } from '../../lib/db/local-proxy';
import { startNeonProxy } from '../../tools/neon-proxy';
import { startPglite } from '../../tools/pglite-server';
import { isRunning, startPostgres, type LocalPostgres } from '../../tools/postgres';

async function queryOnce(url: string, text: string) {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

describe('startPostgres', () => {
  let server: LocalPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
    expect(isRunning(server.pid)).toBe(false);
  });

  it('serves the colibri database on loopback with trust auth', async () => {
    expect(server.url).toBe(`postgres://postgres@127.0.0.1:${server.port}/colibri`);
    expect(isRunning(server.pid)).toBe(true);
    const [row] = await queryOnce(server.url, 'SELECT current_database() AS db, current_user AS usr');
    expect(row).toEqual({ db: 'colibri', usr: 'postgres' });
  });

  it('listens on a requested port and stop() kills the process and frees the port', async () => {
    const probe = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => probe.once('listening', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const other = await startPostgres({ port });
    expect(other.port).toBe(port);
    expect(await queryOnce(other.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await other.stop();
    expect(isRunning(other.pid)).toBe(false);
    await expect(queryOnce(other.url, 'SELECT 1')).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('startPglite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'colibri-pglite-'));
  let pglite: Awaited<ReturnType<typeof startPglite>>;
  let proxy: Awaited<ReturnType<typeof startNeonProxy>>;
  beforeAll(async () => {
    pglite = await startPglite({ dataDir });
    proxy = await startNeonProxy({ databaseUrl: pglite.url });
    neonConfig.webSocketConstructor = ws;
    useLocalNeonProxy(proxy.url);
  });
  afterAll(async () => {
    await proxy?.stop();
    await pglite?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves a pg client', async () => {
    const [row] = await queryOnce(pglite.url, 'SELECT version() AS v, 6 * 7 AS n');
    expect(row.v).toMatch(/PGlite/);
    expect(row.n).toBe(42);
  });

  it('serves the Neon driver through the proxy, over HTTP and WebSocket', async () => {
    const sql = neon(pglite.url);
    await sql`CREATE TABLE notes (id int PRIMARY KEY, body text)`;
    await sql`INSERT INTO notes VALUES (${1}, ${'hello'})`;
    const pool = new Pool({ connectionString: pglite.url });
    try {
      const { rows } = await pool.query('SELECT body FROM notes WHERE id = $1', [1]);
      expect(rows).toEqual([{ body: 'hello' }]);
    } finally {
      await pool.end();
    }
  });
});
