import type { PositionRow } from '../../../schemas/exchange-trading';
import { isPerpetual, type TradingContext } from './context';
import { NotPerpetualError } from './errors';
import { pairOfSymbol } from './find-market';

/**
 * The account's open positions on a perpetual connector, live from the exchange: one request, and one
 * more for their leverage where the positions leave it out (Binance's positionRisk v3 does).
 */
export async function fetchPositions(context: TradingContext): Promise<PositionRow[]> {
  if (!isPerpetual(context.connector)) throw new NotPerpetualError(context.connector.name);
  const positions = (await context.exchange.fetchPositions()).filter((position) => (position.contracts ?? 0) !== 0);
  const unknown = positions.filter((position) => position.leverage === undefined && position.symbol).map((position) => position.symbol!);
  if (unknown.length && context.exchange.has.fetchLeverages) {
    const leverages = await context.exchange.fetchLeverages(unknown);
    for (const position of positions) {
      const leverage = position.symbol ? leverages[position.symbol] : undefined;
      if (position.leverage === undefined && leverage) position.leverage = position.side === 'short' ? leverage.shortLeverage : leverage.longLeverage;
    }
  }
  return positions.map((position) => ({
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
