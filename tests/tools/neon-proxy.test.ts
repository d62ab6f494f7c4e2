import { neon, neonConfig, NeonDbError, Pool, type NeonQueryFunction } from '@neondatabase/serverless';
import { eq } from 'drizzle-orm';
import { drizzle as drizzleHttp } from 'drizzle-orm/neon-http';
import { drizzle as drizzleWs } from 'drizzle-orm/neon-serverless';
import { integer, numeric, pgTable, serial, text } from 'drizzle-orm/pg-core';
import ws from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useLocalNeonProxy } from '../../lib/db/local-proxy';
import { startNeonProxy, type NeonProxy } from '../../tools/neon-proxy';
import { isRunning, startPostgres, type LocalPostgres } from '../../tools/postgres';

const accounts = pgTable('accounts', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  balance: numeric('balance').notNull(),
  trades: integer('trades').notNull().default(0),
});

describe('neon proxy with @neondatabase/serverless', () => {
  let db: LocalPostgres;
  let proxy: NeonProxy;
  let sql: NeonQueryFunction<false, false>;

  beforeAll(async () => {
    db = await startPostgres();
    proxy = await startNeonProxy({ databaseUrl: db.url });
    neonConfig.webSocketConstructor = ws; // Node 20 has no global WebSocket
    useLocalNeonProxy(proxy.url);
    useLocalNeonProxy(proxy.url); // idempotent
    sql = neon(db.url);
    await sql`CREATE TABLE items (id int PRIMARY KEY, label text NOT NULL)`;
    await sql`CREATE TABLE accounts (id serial PRIMARY KEY, name text NOT NULL UNIQUE,
      balance numeric NOT NULL, trades integer NOT NULL DEFAULT 0)`;
  });

  afterAll(async () => {
    await proxy?.stop();
    await db?.stop();
    expect(isRunning(db.pid)).toBe(false);
  });

  it('runs an HTTP query with params', async () => {
    const rows = await sql`SELECT ${2}::int + ${3}::int AS sum, ${"it's"} AS quoted`;
    expect(rows).toEqual([{ sum: 5, quoted: "it's" }]);
    const full = await sql.query('SELECT $1::text AS x', ['y'], { fullResults: true, arrayMode: true });
    expect(full).toMatchObject({ command: 'SELECT', rowCount: 1, rows: [['y']] });
    expect(full.fields[0]).toMatchObject({ name: 'x', dataTypeID: 25 });
  });

  it('returns raw text so the driver parses types itself', async () => {
    const [row] = await sql`SELECT 42::int AS i, 1.50::numeric AS n, 9007199254740993::int8 AS big,
      '2024-01-02T03:04:05.678Z'::timestamptz AS t, '{"a":[1,"b"]}'::jsonb AS j, true AS b,
      NULL::text AS z, ARRAY[1,2]::int[] AS arr`;
    expect(row).toEqual({
      i: 42,
      n: '1.50',
      big: '9007199254740993',
      t: new Date('2024-01-02T03:04:05.678Z'),
      j: { a: [1, 'b'] },
      b: true,
      z: null,
      arr: [1, 2],
    });
  });

  it('runs a batch as one transaction that rolls back fully when a statement fails', async () => {
    const failing = sql.transaction([
      sql`INSERT INTO items VALUES (1, 'a')`,
      sql`INSERT INTO items VALUES (2, 'b')`,
      sql`INSERT INTO items VALUES (1, 'duplicate')`,
    ]);
    await expect(failing).rejects.toMatchObject({ name: 'NeonDbError', code: '23505' });
    expect(await sql`SELECT count(*)::int AS n FROM items`).toEqual([{ n: 0 }]);

    const [inserted, settings] = await sql.transaction(
      [sql`INSERT INTO items VALUES (3, 'c') RETURNING id`, sql`SELECT current_setting('transaction_isolation') AS iso,
        current_setting('transaction_read_only') AS ro`],
      { isolationLevel: 'Serializable' },
    );
    expect(inserted).toEqual([{ id: 3 }]);
    expect(settings).toEqual([{ iso: 'serializable', ro: 'off' }]);
    await expect(sql.transaction([sql`INSERT INTO items VALUES (4, 'd')`], { readOnly: true }))
      .rejects.toMatchObject({ code: '25006' });
  });

  it('surfaces Postgres errors as NeonDbError with the SQLSTATE and details', async () => {
    await sql`INSERT INTO items VALUES (10, 'x')`;
    const err = await sql`INSERT INTO items VALUES (10, 'y')`.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NeonDbError);
    expect(err).toMatchObject({ code: '23505', constraint: 'items_pkey', table: 'items', severity: 'ERROR' });
    expect((err as NeonDbError).detail).toMatch(/Key \(id\)=\(10\) already exists/);
    await expect(sql`SELEC 1`).rejects.toMatchObject({ code: '42601', position: '1' });
    // Like Neon, one HTTP query is one statement.
    await expect(sql.query('SELECT 1; SELECT 2')).rejects.toMatchObject({ code: '42601' });
  });

  it('runs interactive transactions on a Pool over WebSocket', async () => {
    const pool = new Pool({ connectionString: db.url });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO items VALUES ($1, $2)', [20, 'rolled back']);
      expect((await client.query('SELECT label FROM items WHERE id = 20')).rows).toEqual([{ label: 'rolled back' }]);
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      await client.query('INSERT INTO items VALUES ($1, $2)', [21, 'committed']);
      await client.query('COMMIT');
    } finally {
      client.release();
      await pool.end();
    }
    expect(await sql`SELECT id, label FROM items WHERE id IN (20, 21)`).toEqual([{ id: 21, label: 'committed' }]);
  });

  it('works with drizzle neon-http', async () => {
    const orm = drizzleHttp({ client: sql });
    const [alice] = await orm.insert(accounts).values({ name: 'alice', balance: '10.5' }).returning();
    expect(alice).toMatchObject({ name: 'alice', balance: '10.5', trades: 0 });
    expect(await orm.select().from(accounts).where(eq(accounts.id, alice.id))).toEqual([alice]);
  });

  it('works with drizzle neon-serverless', async () => {
    const pool = new Pool({ connectionString: db.url });
    try {
      const orm = drizzleWs({ client: pool });
      await orm.transaction(async (tx) => {
        await tx.insert(accounts).values({ name: 'bob', balance: '1' });
        await tx.update(accounts).set({ trades: 3 }).where(eq(accounts.name, 'bob'));
      });
      const rows = await orm.select({ name: accounts.name, trades: accounts.trades }).from(accounts)
        .where(eq(accounts.name, 'bob'));
      expect(rows).toEqual([{ name: 'bob', trades: 3 }]);
    } finally {
      await pool.end();
    }
  });
});
