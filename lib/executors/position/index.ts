import { executorType } from '../type-info';
import { positionExecutor } from './core';

export const positionExecutorType = executorType(
  positionExecutor,
  'One position with a triple barrier: stop-loss, take-profit, trailing stop and time limit',
  'Directional trades: enter at a price (LIMIT, LIMIT_MAKER or MARKET) and let the barriers close the position',
);
