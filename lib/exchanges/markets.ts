import { and, eq } from 'drizzle-orm';
import type Exchange from '../../node_modules/ccxt/js/src/base/Exchange.js';
import { getDb } from '../db/client';
import { exchangeMarkets } from '../db/schema';
import type { RouterEnv } from '../env';
import type { ExchangeConnector } from './connectors';
import { marketSource } from './create-exchange';
import type { ExchangeUrlEnv } from './base-urls';

type MarketsEnv = Pick<RouterEnv, 'DATABASE_URL' | 'NEON_PROXY_URL'> & ExchangeUrlEnv;

/** Markets older than this are fetched again (Hummingbot refreshes trading rules every 30 min). */
export const MARKETS_MAX_AGE_MS = 30 * 60_000;

/**
 * Gives `exchange` its markets and says when they were fetched: from Postgres when fetched less than
 * MARKETS_MAX_AGE_MS ago (no exchange request), otherwise from the exchange, then stored with their
 * fetch time for the next cold session.
 */
export async function loadMarkets(env: MarketsEnv, exchange: Exchange, connector: ExchangeConnector): Promise<Date> {
  const source = marketSource(env, connector);
  const db = getDb(env);
  const [cached] = await db
    .select({ markets: exchangeMarkets.markets, fetchedAt: exchangeMarkets.fetchedAt })
    .from(exchangeMarkets)
    .where(and(eq(exchangeMarkets.connector, connector.name), eq(exchangeMarkets.source, source)));
  if (cached && Date.now() - cached.fetchedAt.getTime() < MARKETS_MAX_AGE_MS) {
    exchange.setMarkets(cached.markets);
    return cached.fetchedAt;
  }
  const fetchedAt = new Date();
  const markets = (await exchange.loadMarkets(true)) as Record<string, unknown>;
  await db
    .insert(exchangeMarkets)
    .values({ connector: connector.name, source, markets, fetchedAt })
    .onConflictDoUpdate({ target: [exchangeMarkets.connector, exchangeMarkets.source], set: { markets, fetchedAt } });
  return fetchedAt;
}
