import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '../db/client';
import type { RouterEnv } from '../env';
import { tokenRow } from './state';

type HistoryEnv = Pick<RouterEnv, 'DATABASE_URL' | 'NEON_PROXY_URL'>;

/** Hummingbot API's history intervals, in seconds: one snapshot is kept per interval. */
export const HISTORY_INTERVALS = { '5m': 300, '15m': 900, '30m': 1800, '1h': 3600, '4h': 14_400, '12h': 43_200, '1d': 86_400 } as const;
export type HistoryInterval = keyof typeof HISTORY_INTERVALS;

export interface GetPortfolioHistoryParameters {
  accountNames?: string[];
  connectorNames?: string[];
  limit: number;
  /** ISO time of the last snapshot of the previous page: this page starts in the interval before it. */
  cursor?: string;
  /** Unix ms. */
  startTime?: number;
  endTime?: number;
  interval: HistoryInterval;
}

type Row = { timestamp: string; account_name: string; connector_name: string; token: string | null; units: string | null; price: string | null; value: string | null; available_units: string | null; price_missing: boolean | null };

/**
 * Snapshots newest first, one per `interval` (the latest in it), `limit` per page. The cursor is the
 * last snapshot's time; the next page starts in the interval before that snapshot's.
 */
export async function getPortfolioHistory(env: HistoryEnv, parameters: GetPortfolioHistoryParameters) {
  const bucket = HISTORY_INTERVALS[parameters.interval];
  const filters: SQL[] = [];
  if (parameters.accountNames?.length) filters.push(sql`account_name IN (${sql.join(parameters.accountNames.map((name) => sql`${name}`), sql`, `)})`);
  if (parameters.connectorNames?.length) filters.push(sql`connector_name IN (${sql.join(parameters.connectorNames.map((name) => sql`${name}`), sql`, `)})`);
  if (parameters.startTime !== undefined) filters.push(sql`timestamp >= ${new Date(parameters.startTime).toISOString()}::timestamptz`);
  if (parameters.endTime !== undefined) filters.push(sql`timestamp <= ${new Date(parameters.endTime).toISOString()}::timestamptz`);
  const where = filters.length ? sql.join(filters, sql` AND `) : sql`TRUE`;
  const bucketOf = (time: SQL) => sql`floor(extract(epoch from ${time}) / ${bucket})`;
  const beforeCursor = parameters.cursor ? sql`${bucketOf(sql`timestamp`)} < ${bucketOf(sql`${parameters.cursor}::timestamptz`)}` : sql`TRUE`;

  const db = getDb(env);
  const picked = await db.execute<{ ts: string }>(sql`
    SELECT max(timestamp) AS ts FROM account_states
    WHERE ${where} AND ${beforeCursor}
    GROUP BY ${bucketOf(sql`timestamp`)}
    ORDER BY ts DESC
    LIMIT ${parameters.limit + 1}`);
  const times = picked.rows.map((row) => new Date(row.ts).toISOString());
  const hasMore = times.length > parameters.limit;
  const page = times.slice(0, parameters.limit);

  const rows = page.length
    ? (
        await db.execute<Row>(sql`
          SELECT a.timestamp, a.account_name, a.connector_name, t.token, t.units, t.price, t.value, t.available_units, t.price_missing
          FROM account_states a LEFT JOIN token_states t ON t.account_state_id = a.id
          WHERE ${where} AND a.timestamp IN (${sql.join(page.map((time) => sql`${time}::timestamptz`), sql`, `)})
          ORDER BY a.timestamp DESC, a.account_name, a.connector_name, t.value::numeric DESC`)
      ).rows
    : [];
  const byTime = new Map<string, Record<string, Record<string, ReturnType<typeof tokenRow>[]>>>(page.map((time) => [time, {}]));
  for (const row of rows) {
    const state = byTime.get(new Date(row.timestamp).toISOString());
    if (!state) continue;
    const tokens = ((state[row.account_name] ??= {})[row.connector_name] ??= []);
    if (row.token !== null) tokens.push(tokenRow({ token: row.token, units: row.units!, price: row.price!, value: row.value!, availableUnits: row.available_units!, priceMissing: row.price_missing! }));
  }
  return {
    data: page.map((time) => ({ timestamp: time, state: byTime.get(time)! })),
    pagination: {
      limit: parameters.limit,
      has_more: hasMore,
      next_cursor: hasMore ? page[page.length - 1] : null,
      current_cursor: parameters.cursor ?? null,
      filters: {
        account_names: parameters.accountNames ?? null,
        connector_names: parameters.connectorNames ?? null,
        start_time: parameters.startTime ?? null,
        end_time: parameters.endTime ?? null,
        interval: parameters.interval,
      },
    },
  };
}
