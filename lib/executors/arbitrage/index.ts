import { executorType } from '../type-info';
import { arbitrageExecutor } from './core';

export const arbitrageExecutorType = executorType(
  arbitrageExecutor,
  'Buys on one market and sells on another (exchange or DEX) at once when the spread beats both takers’ fees',
  'Capturing a price gap between two venues, e.g. spot against perpetual or a CEX against a DEX',
);
