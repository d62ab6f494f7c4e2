import { eq, lt } from 'drizzle-orm';
import { getDb } from '../db/client';
import { marketDataFeeds } from '../db/schema';
import type { RouterEnv } from '../env';

type FeedsEnv = Pick<RouterEnv, 'DATABASE_URL' | 'NEON_PROXY_URL'>;

/** A feed unused this long is dropped (Hummingbot API's MARKET_DATA_FEED_TIMEOUT). */
export const FEED_TIMEOUT_S = 600;
/** How often Hummingbot API sweeps expired feeds; here they are swept whenever feeds are listed. */
export const FEED_CLEANUP_INTERVAL_S = 300;

export type FeedType = 'candles' | 'order_book';

/** Hummingbot API's feed keys: `candles_{connector}_{pair}_{interval}`, `order_book_{connector}_{pair}`. */
export const feedKey = (type: FeedType, connector: string, pair: string, interval?: string) => (type === 'candles' ? `candles_${connector}_${pair}_${interval}` : `order_book_${connector}_${pair}`);

/** Records that a feed was used now. */
export async function touchFeed(env: FeedsEnv, type: FeedType, config: { connector: string; trading_pair: string; interval?: string } & Record<string, unknown>): Promise<void> {
  const key = feedKey(type, config.connector, config.trading_pair, config.interval);
  const lastAccessAt = new Date();
  await getDb(env).insert(marketDataFeeds).values({ key, feedType: type, config, lastAccessAt }).onConflictDoUpdate({ target: marketDataFeeds.key, set: { lastAccessAt, config } });
}

export async function removeFeed(env: FeedsEnv, key: string): Promise<boolean> {
  const removed = await getDb(env).delete(marketDataFeeds).where(eq(marketDataFeeds.key, key)).returning({ key: marketDataFeeds.key });
  return removed.length > 0;
}

/** Feeds used within FEED_TIMEOUT_S, as `/market-data/active-feeds` lists them; expired ones are deleted. */
export async function activeFeeds(env: FeedsEnv, now = Date.now()) {
  const db = getDb(env);
  await db.delete(marketDataFeeds).where(lt(marketDataFeeds.lastAccessAt, new Date(now - FEED_TIMEOUT_S * 1000)));
  const rows = await db.select().from(marketDataFeeds);
  return Object.fromEntries(
    rows.map((row) => {
      const sinceAccess = (now - row.lastAccessAt.getTime()) / 1000;
      return [row.key, { feed_type: row.feedType as FeedType, last_access_time: row.lastAccessAt.getTime() / 1000, seconds_since_access: sinceAccess, will_expire_in: Math.max(0, FEED_TIMEOUT_S - sinceAccess), config: row.config }];
    }),
  );
}
