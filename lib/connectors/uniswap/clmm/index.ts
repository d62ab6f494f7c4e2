import type { ClmmConnector } from '../../types';
import { addLiquidity } from './addLiquidity';
import { closePosition } from './closePosition';
import { collectFees } from './collectFees';
import { executeSwap } from './executeSwap';
import { openPosition } from './openPosition';
import { poolInfo } from './poolInfo';
import { positionInfo } from './positionInfo';
import { positionsOwned } from './positionsOwned';
import { quotePosition } from './quotePosition';
import { quoteSwap } from './quoteSwap';
import { removeLiquidity } from './removeLiquidity';

/** Uniswap V3's CLMM actions; every V3 fork (PancakeSwap) uses them with its own deployment. */
export const uniswapV3Clmm: ClmmConnector = {
  poolInfo,
  positionInfo,
  positionsOwned,
  quotePosition,
  quoteSwap,
  executeSwap,
  openPosition,
  addLiquidity,
  removeLiquidity,
  collectFees,
  closePosition,
};
