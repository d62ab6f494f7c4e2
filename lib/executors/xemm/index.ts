import { executorType } from '../type-info';
import { xemmExecutor } from './core';

export const xemmExecutorType = executorType(
  xemmExecutor,
  'Cross-exchange market making: a limit order on one market priced off the other, each fill hedged there at once',
  'Earning a spread by quoting on a thinner venue while hedging on a deeper one',
);
