import type { ExecutorType } from './core';
import { orderExecutorType } from './order';
import { positionExecutorType } from './position';
import type { ExecutorTypeInfo } from './type-info';

/** Every executor type: one folder each, one line here. */
export const executorTypes: Partial<Record<ExecutorType, ExecutorTypeInfo>> = {
  position_executor: positionExecutorType,
  order_executor: orderExecutorType,
};
