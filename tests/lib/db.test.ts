import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, withTransaction } from '../../lib/db/client';
import { checkDatabase } from '../../lib/db/health';
import { botCommands } from '../../lib/db/schema';

const command = (botName: string) => ({ id: crypto.randomUUID(), botName, command: 'status' as const, payload: { n: 1 } });

describe('the database module (Neon driver against real Postgres)', () => {
  it('reads and writes over HTTP', async () => {
    const row = command('db-http');
    const db = getDb(env);
    await db.insert(botCommands).values(row);
    const [stored] = await db.select().from(botCommands).where(eq(botCommands.id, row.id));
    expect(stored).toMatchObject({ botName: 'db-http', payload: { n: 1 }, status: 'queued' });
  });

  it('commits writes that belong together, and rolls all of them back when one fails', async () => {
    const first = command('db-tx');
    const second = command('db-tx');
    await withTransaction(env, async (tx) => {
      await tx.insert(botCommands).values(first);
      await tx.insert(botCommands).values(second);
    });
    const duplicate = command('db-tx-rollback');
    await expect(
      withTransaction(env, async (tx) => {
        await tx.insert(botCommands).values(duplicate);
        await tx.insert(botCommands).values(first); // primary key taken: the whole transaction fails
      }),
    ).rejects.toThrow();
    const db = getDb(env);
    expect(await db.select().from(botCommands).where(eq(botCommands.botName, 'db-tx'))).toHaveLength(2);
    expect(await db.select().from(botCommands).where(eq(botCommands.id, duplicate.id))).toHaveLength(0);
  });

  it('reports reachability, and an unreachable database without its URL', async () => {
    expect(await checkDatabase(env)).toMatchObject({ reachable: true });
    const down = await checkDatabase({ ...env, DATABASE_URL: 'postgres://user:secret@127.0.0.1:1/none' });
    expect(down.reachable).toBe(false);
    expect(down.error).not.toContain('secret');
  });
});
