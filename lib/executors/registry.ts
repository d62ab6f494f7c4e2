import { arbitrageExecutorType } from './arbitrage';
import type { ExecutorType } from './core';
import { dcaExecutorType } from './dca';
import { gridExecutorType } from './grid';
import { lpExecutorType } from './lp';
import { orderExecutorType } from './order';
import { positionExecutorType } from './position';
import { twapExecutorType } from './twap';
import { xemmExecutorType } from './xemm';
import type { ExecutorTypeInfo } from './type-info';

/** Every executor type: one folder each, one line here. */
export const executorTypes: Partial<Record<ExecutorType, ExecutorTypeInfo>> = {
  position_executor: positionExecutorType,
  grid_executor: gridExecutorType,
  dca_executor: dcaExecutorType,
  twap_executor: twapExecutorType,
  arbitrage_executor: arbitrageExecutorType,
  xemm_executor: xemmExecutorType,
  lp_executor: lpExecutorType,
  order_executor: orderExecutorType,
};
