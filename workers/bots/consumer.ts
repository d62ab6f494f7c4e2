import { getDb } from '../../lib/db/client';
import { describeError, log } from '../../lib/log';
import type { BotCommandMessage } from '../../schemas/bot-commands';
import { markConsumed } from './commands';
import type { BotsEnv } from './env';

/** Consumes a batch of bot commands: one UPDATE for the batch, then ack; on failure the queue retries. */
export async function consumeBotCommands(batch: MessageBatch<BotCommandMessage>, env: BotsEnv): Promise<void> {
  const ids = batch.messages.map((message) => message.body.id);
  try {
    await markConsumed(getDb(env), ids);
    batch.ackAll();
    log('info', 'bot commands consumed', { queue: batch.queue, count: ids.length });
  } catch (err) {
    log('error', 'bot commands not recorded; will retry', { queue: batch.queue, count: ids.length, ...describeError(err) });
    batch.retryAll({ delaySeconds: 2 });
  }
}
