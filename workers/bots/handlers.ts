import type { AppRouteHandler } from '../../lib/app';
import { getDb } from '../../lib/db/client';
import { ConflictError, NotFoundError } from '../../lib/errors';
import { findCommand, present, recordCommand, toMessage } from './commands';
import type { BotsEnv } from './env';
import type { getCommand, sendCommand } from './routes';

export const sendCommandHandler: AppRouteHandler<typeof sendCommand, BotsEnv> = async (c) => {
  const body = c.req.valid('json');
  const db = getDb(c.env);
  const { row, created } = await recordCommand(db, {
    id: body.command_id ?? crypto.randomUUID(),
    botName: body.bot_name,
    command: body.command,
    payload: body.data,
  });
  if (row.botName !== body.bot_name || row.command !== body.command) {
    throw new ConflictError(`command_id ${row.id} was already used for ${row.command} on ${row.botName}`);
  }
  // A retry of a command still queued sends it again: the first send may have failed after the row
  // was written, and the consumer applies a redelivered message once.
  if (row.status === 'queued') await c.env.BOT_COMMANDS.send(toMessage(row), { contentType: 'json' });
  return c.json({ status: 'success' as const, data: present(row) }, created ? 202 : 200);
};

export const getCommandHandler: AppRouteHandler<typeof getCommand, BotsEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const row = await findCommand(getDb(c.env), id);
  if (!row) throw new NotFoundError(`Bot command ${id} not found`);
  return c.json({ status: 'success' as const, data: present(row) }, 200);
};
