import type { PositionMode } from '../../../schemas/exchange-trading';
import { isPerpetual, type TradingContext } from './context';
import { NotPerpetualError } from './errors';

/** The perpetual account's position mode as the exchange has it (one request). */
export async function fetchPositionMode(context: Pick<TradingContext, 'exchange' | 'connector'>): Promise<PositionMode> {
  if (!isPerpetual(context.connector)) throw new NotPerpetualError(context.connector.name);
  const { hedged } = await context.exchange.fetchPositionMode();
  return hedged ? 'HEDGE' : 'ONEWAY';
}
