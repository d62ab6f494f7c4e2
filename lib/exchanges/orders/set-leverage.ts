import { isPerpetual, type TradingContext } from './context';
import { NotPerpetualError } from './errors';
import { findMarket } from './find-market';

/** Sets the leverage of a perpetual pair for the account (one request). */
export async function setLeverage(context: TradingContext, pair: string, leverage: number): Promise<void> {
  if (!isPerpetual(context.connector)) throw new NotPerpetualError(context.connector.name);
  await context.exchange.setLeverage(leverage, findMarket(context, pair).symbol);
}
