import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';

describe('a cold exchange session', () => {
  it('answers concurrent first requests from one CCXT instance with its markets loaded (no "pair not listed")', async () => {
    for (let round = 0; round < 5; round++) {
      // A session no request has warmed yet: the public methods use only the connector name.
      const session = env.EXCHANGE_SESSIONS.get(env.EXCHANGE_SESSIONS.idFromName(`cold-${crypto.randomUUID()}:binance`));
      const answers = await Promise.all([
        session.orderBook('binance', { tradingPair: 'BTC-USDT', depth: 5 }),
        session.candles('binance', { tradingPair: 'ETH-USDT', interval: '1m', maxRecords: 5 }),
        session.orderBook('binance', { tradingPair: 'ETH-USDT', depth: 5 }),
        session.recentTrades('binance', { tradingPair: 'BTC-USDT' }),
      ]);
      for (const answer of answers) expect(answer).toMatchObject({ ok: true });
      // Later requests are served by the same warm instance.
      expect(await session.orderBook('binance', { tradingPair: 'SOL-USDT', depth: 5 })).toMatchObject({ ok: true });
    }
  });
});
