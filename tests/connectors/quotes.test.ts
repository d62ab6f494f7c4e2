import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../lib/db/client';
import { quotes } from '../../lib/db/schema';
import connectors from '../../workers/connectors';
import type { ConnectorsEnv } from '../../workers/connectors/env';
import { addDevWallet } from '../support/chain';
import { api } from '../support/http';

const quote = async () => {
  const response = await api('/connectors/uniswap/router/quote-swap?network=localnet&baseToken=WETH&quoteToken=USDC&amount=1&side=SELL');
  return (await response.json<{ quoteId: string }>()).quoteId;
};
const stored = async (id: string) => (await getDb(env).select({ id: quotes.id }).from(quotes).where(eq(quotes.id, id))).length === 1;
const executeQuote = (quoteId: string) => api('/connectors/uniswap/router/execute-quote', { body: { network: 'localnet', quoteId } });

beforeAll(async () => {
  await addDevWallet();
});

describe('stored router quotes', () => {
  it("are swept by the connectors worker's Cron Trigger once expired for an hour, the others kept", async () => {
    const [fresh, justExpired, longExpired] = [await quote(), await quote(), await quote()];
    await getDb(env).update(quotes).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(quotes.id, justExpired));
    await getDb(env).update(quotes).set({ expiresAt: sql`now() - interval '2 hours'` }).where(eq(quotes.id, longExpired));

    const ctx = createExecutionContext();
    await connectors.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: '*/15 * * * *' }), env as unknown as ConnectorsEnv, ctx);
    await waitOnExecutionContext(ctx);

    expect(await stored(fresh)).toBe(true);
    expect(await stored(justExpired)).toBe(true);
    expect(await stored(longExpired)).toBe(false);
    expect(await (await executeQuote(longExpired)).json()).toMatchObject({ code: 'QUOTE_NOT_FOUND' });
  });

  it('are checked when read back: one altered in the database is never executed', async () => {
    const id = await quote();
    await getDb(env).update(quotes).set({ quote: sql`jsonb_set(${quotes.quote}, '{amountIn}', '"-1"')` }).where(eq(quotes.id, id));
    const response = await executeQuote(id);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: 'Quote not found or expired', code: 'QUOTE_NOT_FOUND' });
  });
});
