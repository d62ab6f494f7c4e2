import type { AmmConnector } from '../../types';
import { addLiquidity } from './addLiquidity';
import { executeSwap } from './executeSwap';
import { poolInfo } from './poolInfo';
import { positionInfo } from './positionInfo';
import { quoteLiquidity } from './quoteLiquidity';
import { quoteSwap } from './quoteSwap';
import { removeLiquidity } from './removeLiquidity';

/** Uniswap V2's AMM actions; every V2 fork (PancakeSwap) uses them with its own deployment. */
export const uniswapV2Amm: AmmConnector = { poolInfo, positionInfo, quoteLiquidity, quoteSwap, executeSwap, addLiquidity, removeLiquidity };
