import type { PositionRow } from '../../../schemas/exchange-trading';
import { isPerpetual, type TradingContext } from './context';
import { NotPerpetualError } from './errors';
import { pairOfSymbol } from './find-market';

/** The account's open positions on a perpetual connector, live from the exchange (one request). */
export async function fetchPositions(context: TradingContext): Promise<PositionRow[]> {
  if (!isPerpetual(context.connector)) throw new NotPerpetualError(context.connector.name);
  const positions = await context.exchange.fetchPositions();
  return positions
    .filter((position) => (position.contracts ?? 0) !== 0)
    .map((position) => ({
      account_name: context.account,
      connector_name: context.connector.name,
      trading_pair: pairOfSymbol(context, position.symbol ?? ''),
      side: position.side === 'short' ? ('SHORT' as const) : ('LONG' as const),
      amount: Math.abs(position.contracts ?? 0) * (position.contractSize ?? 1),
      entry_price: position.entryPrice ?? 0,
      unrealized_pnl: position.unrealizedPnl ?? 0,
      leverage: position.leverage ?? null,
    }));
}
