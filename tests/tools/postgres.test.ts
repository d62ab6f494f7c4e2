import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('serves the colibri database of a real Postgres 18 (from npm) on loopback with trust auth', async () => {
    expect(server.url).toBe(`postgres://postgres@127.0.0.1:${server.port}/colibri`);
    expect(isRunning(server.pid)).toBe(true);
    const [row] = await queryOnce(server.url, 'SELECT current_database() AS db, current_user AS usr, version() AS version');
    expect(row).toMatchObject({ db: 'colibri', usr: 'postgres', version: expect.stringMatching(/^PostgreSQL 18\./) });
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

describe('startPostgres with a data folder (what npm run dev keeps in <COLIBRI_HOME>/postgres)', () => {
  const home = mkdtempSync(join(tmpdir(), 'colibri-home-'));
  // The server runs as the `postgres` user when we are root: it must reach the folder.
  chmodSync(home, 0o755);
  const dataDir = join(home, 'postgres');
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('keeps its rows across a restart, and serves 200 concurrent queries each its own answer', async () => {
    const first = await startPostgres({ dataDir });
    try {
      await queryOnce(first.url, 'CREATE TABLE notes (id int PRIMARY KEY, body text)');
      await queryOnce(first.url, "INSERT INTO notes VALUES (1, 'kept')");
    } finally {
      await first.stop();
    }
    expect(isRunning(first.pid)).toBe(false);
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);

    const again = await startPostgres({ dataDir });
    const pool = new pg.Pool({ connectionString: again.url, max: 10 });
    // Idle clients still closing when the server shuts down hear its 57P01: expected, not a failure.
    pool.on('error', () => {});
    try {
      expect(await queryOnce(again.url, 'SELECT body FROM notes')).toEqual([{ body: 'kept' }]);
      // What PGlite got wrong: concurrent extended-protocol queries over several connections.
      const answers = await Promise.all(Array.from({ length: 200 }, (_, n) => pool.query<{ n: number; doubled: number }>('SELECT $1::int AS n, $1::int * 2 AS doubled', [n])));
      expect(answers.map(({ rows: [row] }) => [row.n, row.doubled])).toEqual(Array.from({ length: 200 }, (_, n) => [n, n * 2]));
    } finally {
      await pool.end();
      await again.stop();
    }
  });
});
