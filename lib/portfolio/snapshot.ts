import { sql } from 'drizzle-orm';
import { getDb } from '../db/client';
import { getPortfolioState, type PortfolioEnv } from './state';

export interface TakeSnapshotReturnType {
  timestamp: Date;
  /** Account states written: one per (account, connector). */
  accountStates: number;
  tokenStates: number;
}

/**
 * Records the whole portfolio state as one snapshot: an account_states row per (account, connector)
 * (also when it holds nothing) and its token_states rows, all with the same timestamp, in ONE
 * statement, so a snapshot is written whole or not at all.
 */
export async function takeSnapshot(env: PortfolioEnv, timestamp = new Date()): Promise<TakeSnapshotReturnType> {
  const state = await getPortfolioState(env);
  const values = Object.entries(state).flatMap(([account, connectors]) =>
    Object.entries(connectors).flatMap(([connector, rows]) =>
      rows.length === 0
        ? [sql`(${account}, ${connector}, NULL, NULL, NULL, NULL, NULL, NULL)`]
        : rows.map((row) => sql`(${account}, ${connector}, ${row.token}, ${row.units}, ${row.price}, ${row.value}, ${row.availableUnits}, ${row.priceMissing})`),
    ),
  );
  const tokenStates = values.length - Object.values(state).reduce((empty, connectors) => empty + Object.values(connectors).filter((rows) => rows.length === 0).length, 0);
  const accountStates = Object.values(state).reduce((count, connectors) => count + Object.keys(connectors).length, 0);
  if (accountStates === 0) return { timestamp, accountStates, tokenStates: 0 };
  await getDb(env).execute(sql`
    WITH input (account_name, connector_name, token, units, price, value, available_units, price_missing) AS (VALUES ${sql.join(values, sql`, `)}),
    states AS (
      INSERT INTO account_states (timestamp, account_name, connector_name)
      SELECT DISTINCT ${timestamp.toISOString()}::timestamptz, account_name, connector_name FROM input
      RETURNING id, account_name, connector_name
    )
    INSERT INTO token_states (account_state_id, token, units, price, value, available_units, price_missing)
    SELECT states.id, input.token, input.units::numeric, input.price::numeric, input.value::numeric, input.available_units::numeric, input.price_missing::boolean
    FROM input JOIN states USING (account_name, connector_name)
    WHERE input.token IS NOT NULL`);
  return { timestamp, accountStates, tokenStates };
}
