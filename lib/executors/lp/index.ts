import { executorType } from '../type-info';
import { lpExecutor } from './core';

export const lpExecutorType = executorType(
  lpExecutor,
  'A concentrated-liquidity position (Uniswap V3 style) over a price range, closed at limit prices and swapped back unless kept',
  'Earning swap fees on a DEX pool within a chosen range, with an exit when the price runs away',
);
