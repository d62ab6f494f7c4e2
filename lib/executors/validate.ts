import { listCredentials, NoCredentialsError, requireAccount } from '../accounts/store';
import { ValidationError, type FieldIssue } from '../errors';
import { EXCHANGE_CONNECTORS } from '../exchanges/connectors';
import type { ExchangeSessionsEnv } from '../exchanges/session-client';
import type { RouterEnv } from '../env';
import { ExecutorTypeSchema } from '../../schemas/executors';
import type { ExecutorType, Market } from './core';
import { executorTypes } from './registry';
import { bookSnapshot, marketRules } from './runtime/exchange';
import type { ExecutorTypeInfo } from './type-info';

// The checks `POST /executors/` makes before anything is created or sent: the type, its config, the
// account, its credentials, each market and the order size against the pair's rules. Each failure
// is a 4xx naming the field (under `executor_config.`).

const field = (...path: PropertyKey[]) => ['executor_config', ...path.map(String)].join('.');

export interface ValidatedExecutor {
  type: ExecutorType;
  info: ExecutorTypeInfo;
  config: Record<string, unknown>;
  markets: Market[];
}

/** The type and its parsed config; 400 naming the field for a missing or unknown type or a bad field. */
export function parseExecutorConfig(raw: Record<string, unknown>): ValidatedExecutor {
  if (raw.type === undefined) throw new ValidationError([{ field: field('type'), reason: `required: executor_config must include 'type' (${ExecutorTypeSchema.options.join(', ')})` }]);
  const type = ExecutorTypeSchema.safeParse(raw.type);
  const info = type.success ? executorTypes[type.data] : undefined;
  if (!type.success || !info) {
    const available = Object.keys(executorTypes).join(', ');
    throw new ValidationError([{ field: field('type'), reason: type.success ? `${type.data} is not available yet (available: ${available})` : `unknown executor type (available: ${available})` }]);
  }
  if (type.data === 'lp_executor') {
    throw new ValidationError([{ field: field('type'), reason: 'lp_executor cannot run live yet: the runtime does not send its CLMM steps (open, close, swap back)' }]);
  }
  const parsed = info.core.configSchema.safeParse(raw);
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map((issue): FieldIssue => ({ field: field(...issue.path), reason: issue.message })));
  const config = parsed.data as Record<string, unknown>;
  return { type: type.data, info, config, markets: info.core.markets(config) };
}

/** Which config field names a market's connector and pair (the legs of arbitrage and XEMM are nested). */
function marketFields(config: Record<string, unknown>, market: Market): { connector: string; pair: string } {
  for (const leg of ['buying_market', 'selling_market']) {
    const value = config[leg] as { connector_name?: string; trading_pair?: string } | undefined;
    if (value?.connector_name === market.connector && value.trading_pair === market.tradingPair) return { connector: field(leg, 'connector_name'), pair: field(leg, 'trading_pair') };
  }
  return { connector: field('connector_name'), pair: field('trading_pair') };
}

/**
 * The account exists (404), has credentials for every connector (400), each pair is listed and the
 * order amount meets the pair's minimum size and notional (400). Nothing is written.
 */
export async function checkMarkets(env: RouterEnv & ExchangeSessionsEnv, account: string, executor: ValidatedExecutor): Promise<void> {
  await requireAccount(env, account);
  const credentials = await listCredentials(env, account);
  for (const market of executor.markets) {
    const fields = marketFields(executor.config, market);
    if (!EXCHANGE_CONNECTORS.has(market.connector)) throw new ValidationError([{ field: fields.connector, reason: `unknown connector '${market.connector}' (available: ${[...EXCHANGE_CONNECTORS.keys()].join(', ')})` }]);
    if (!credentials.includes(market.connector)) throw new NoCredentialsError(account, market.connector);
    let rules;
    try {
      rules = await marketRules(env, market);
    } catch {
      throw new ValidationError([{ field: fields.pair, reason: `'${market.tradingPair}' is not traded on ${market.connector}` }]);
    }
    const amount = executor.config.amount ?? executor.config.order_amount;
    if (typeof amount !== 'number') continue;
    const amountField = field(executor.config.amount === undefined ? 'order_amount' : 'amount');
    if (amount < rules.minOrderSize) throw new ValidationError([{ field: amountField, reason: `${amount} is below ${market.tradingPair}'s minimum order size of ${rules.minOrderSize}` }]);
    const given = executor.config.price ?? executor.config.entry_price;
    const price = typeof given === 'number' ? given : rules.minNotional > 0 ? midOf(await bookSnapshot(env, market, 1)) : 0;
    if (amount * price < rules.minNotional) throw new ValidationError([{ field: amountField, reason: `${amount} × ${price} is below ${market.tradingPair}'s minimum notional of ${rules.minNotional}` }]);
  }
}

const midOf = (book: { bids: ReadonlyArray<readonly [number, number]>; asks: ReadonlyArray<readonly [number, number]> }) => ((book.bids[0]?.[0] ?? 0) + (book.asks[0]?.[0] ?? 0)) / 2;
