import { env } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '../../lib/db/client';
import { botCommands } from '../../lib/db/schema';
import { eq } from 'drizzle-orm';
import { api } from '../support/http';

type CommandBody = { status: string; data: { id: string; status: string; deliveries: number; consumed_at: string | null } };

async function command(id: string): Promise<CommandBody['data']> {
  const response = await api(`/bot-orchestration/commands/${id}`);
  return (await response.json<CommandBody>()).data;
}

describe('bot commands over the bot-commands queue', () => {
  it('records a command sent through the edge and marks it consumed in Postgres', async () => {
    const response = await api('/bot-orchestration/commands', { body: { bot_name: 'pmm-1', command: 'start', data: { log_level: 'INFO' } } });
    expect(response.status).toBe(202);
    const { data } = await response.json<CommandBody>();
    expect(data).toMatchObject({ status: 'queued', deliveries: 0 });

    await vi.waitFor(async () => expect((await command(data.id)).status).toBe('consumed'), { timeout: 10_000, interval: 100 });
    const [row] = await getDb(env).select().from(botCommands).where(eq(botCommands.id, data.id));
    expect(row).toMatchObject({ botName: 'pmm-1', command: 'start', payload: { log_level: 'INFO' }, status: 'consumed', deliveries: 1 });
    expect(row.consumedAt).toBeInstanceOf(Date);
  });

  it('never records a retried command twice', async () => {
    const commandId = crypto.randomUUID();
    const body = { bot_name: 'pmm-2', command: 'stop', data: {}, command_id: commandId };
    expect((await api('/bot-orchestration/commands', { body })).status).toBe(202);
    await vi.waitFor(async () => expect((await command(commandId)).status).toBe('consumed'), { timeout: 10_000, interval: 100 });

    const retry = await api('/bot-orchestration/commands', { body });
    expect(retry.status).toBe(200);
    const rows = await getDb(env).select().from(botCommands).where(eq(botCommands.id, commandId));
    expect(rows).toHaveLength(1);
    expect(rows[0].deliveries).toBe(1);
  });

  it('refuses a command id reused for another command', async () => {
    const commandId = crypto.randomUUID();
    await api('/bot-orchestration/commands', { body: { bot_name: 'pmm-3', command: 'stop', command_id: commandId } });
    const reused = await api('/bot-orchestration/commands', { body: { bot_name: 'pmm-3', command: 'start', command_id: commandId } });
    expect(reused.status).toBe(409);
  });

  it('answers 404 for an unknown command and 400 for a malformed id', async () => {
    expect((await api(`/bot-orchestration/commands/${crypto.randomUUID()}`)).status).toBe(404);
    const malformed = await api('/bot-orchestration/commands/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ validation: [{ field: 'id' }] });
  });
});
