import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../lib/db/client';
import { botCommands } from '../../lib/db/schema';
import type { BotCommandMessage } from '../../schemas/bot-commands';

export type BotCommandRow = typeof botCommands.$inferSelect;

/** Inserts the command unless its id exists; returns the stored row and whether this call created it. */
export async function recordCommand(db: Db, command: typeof botCommands.$inferInsert): Promise<{ row: BotCommandRow; created: boolean }> {
  const [inserted] = await db.insert(botCommands).values(command).onConflictDoNothing().returning();
  if (inserted) return { row: inserted, created: true };
  const [existing] = await db.select().from(botCommands).where(eq(botCommands.id, command.id));
  return { row: existing, created: false };
}

export async function findCommand(db: Db, id: string): Promise<BotCommandRow | undefined> {
  const [row] = await db.select().from(botCommands).where(eq(botCommands.id, id));
  return row;
}

/** Marks commands consumed in one statement; a redelivered message only bumps `deliveries`. */
export async function markConsumed(db: Db, ids: string[]): Promise<void> {
  await db
    .update(botCommands)
    .set({
      status: 'consumed',
      consumedAt: sql`coalesce(${botCommands.consumedAt}, now())`,
      deliveries: sql`${botCommands.deliveries} + 1`,
    })
    .where(inArray(botCommands.id, ids));
}

export function toMessage(row: BotCommandRow): BotCommandMessage {
  return {
    id: row.id,
    topic: `hbot/${row.botName}/${row.command}`,
    header: { timestamp: row.createdAt.getTime(), msg_id: row.id, node_id: 'colibri', agent: 'colibri' },
    data: row.payload,
  };
}

export function present(row: BotCommandRow) {
  return {
    id: row.id,
    bot_name: row.botName,
    command: row.command,
    data: row.payload,
    status: row.status,
    deliveries: row.deliveries,
    created_at: row.createdAt.toISOString(),
    consumed_at: row.consumedAt?.toISOString() ?? null,
  };
}
