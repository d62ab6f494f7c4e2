import { BOT_COMMANDS } from '../../schemas/bot-commands';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Commands for bots, carried by the `bot-commands` queue (Hummingbot uses MQTT for this).
 * The row is written before the message is sent and its id travels with it, so a redelivered
 * message is recognised and applied once.
 */
export const botCommands = pgTable(
  'bot_commands',
  {
    id: uuid('id').primaryKey(),
    botName: text('bot_name').notNull(),
    command: text('command', { enum: BOT_COMMANDS }).notNull(),
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    status: text('status', { enum: ['queued', 'consumed'] }).notNull().default('queued'),
    deliveries: integer('deliveries').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (table) => [index('bot_commands_bot_name_idx').on(table.botName, table.createdAt)],
);
