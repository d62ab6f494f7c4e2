import { z } from '@hono/zod-openapi';

/** The commands a Hummingbot bot answers on its MQTT topics (`hbot/{bot}/{command}`). */
export const BOT_COMMANDS = ['start', 'stop', 'config', 'import_strategy', 'status', 'history'] as const;
export const BotCommandName = z.enum(BOT_COMMANDS);

export const BotCommandRequestSchema = z
  .object({
    bot_name: z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, 'only letters, digits, _ and -')
      .max(128)
      .openapi({ example: 'pmm-bot-1' }),
    command: BotCommandName.openapi({ example: 'start' }),
    data: z.record(z.string(), z.unknown()).default({}).openapi({ example: { log_level: 'INFO' } }),
    command_id: z
      .uuid()
      .optional()
      .openapi({ description: 'Idempotency key: sending the same id again never queues the command twice' }),
  })
  .openapi('BotCommandRequest');

export const BotCommandSchema = z
  .object({
    id: z.uuid(),
    bot_name: z.string(),
    command: BotCommandName,
    data: z.record(z.string(), z.unknown()),
    status: z.enum(['queued', 'consumed']),
    deliveries: z.number().int(),
    created_at: z.string(),
    consumed_at: z.string().nullable(),
  })
  .openapi('BotCommand');

export const BotCommandResponseSchema = z.object({ status: z.literal('success'), data: BotCommandSchema }).openapi('BotCommandResponse');

/** What travels on the `bot-commands` queue: the MQTT envelope Hummingbot bots expect, plus the row id. */
export interface BotCommandMessage {
  id: string;
  topic: string;
  header: { timestamp: number; msg_id: string; node_id: string; agent: string };
  data: Record<string, unknown>;
}
