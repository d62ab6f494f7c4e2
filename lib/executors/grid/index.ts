import { executorType } from '../type-info';
import { gridExecutor } from './core';

export const gridExecutorType = executorType(
  gridExecutor,
  'A grid of limit orders from start to end price, each level taking profit a step away and recycling',
  'Range-bound markets: harvest oscillations inside a price range, stopped at a limit price or when the price leaves the range',
);
