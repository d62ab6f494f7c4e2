import type { PositionMode } from '../../../schemas/exchange-trading';
import type { TradingContext } from './context';
import { fetchPositionMode } from './position-mode';

/** Sets the perpetual account's position mode; asking for the mode it has already changes nothing. */
export async function setPositionMode(context: TradingContext, mode: PositionMode): Promise<void> {
  if ((await fetchPositionMode(context)) !== mode) await context.exchange.setPositionMode(mode === 'HEDGE');
  context.rememberPositionMode(mode);
}
