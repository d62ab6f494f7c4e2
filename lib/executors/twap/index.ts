import { executorType } from '../type-info';
import { twapExecutor } from './core';

export const twapExecutorType = executorType(
  twapExecutor,
  'Time-weighted execution: a total amount split into equal slices sent at a fixed interval (market orders, or resting limits re-sent when stale)',
  'Buying or selling a large amount over time with little market impact',
);
