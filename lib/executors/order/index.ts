import { executorType } from '../type-info';
import { orderExecutor } from './core';

export const orderExecutorType = executorType(
  orderExecutor,
  'One order (MARKET, LIMIT, LIMIT_MAKER or a LIMIT_MAKER chasing the best quote), followed until filled and held as a position',
  'Entering or leaving a position at a chosen price, or at the touch without paying the spread',
);
