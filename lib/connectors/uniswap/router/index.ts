import type { RouterConnector } from '../../types';
import { executeQuote } from './executeQuote';
import { executeSwap } from './executeSwap';
import { quoteSwap } from './quoteSwap';

/** Uniswap's router actions over SwapRouter02 and QuoterV2; PancakeSwap's Smart Router takes the same calls. */
export const swapRouter02: RouterConnector = { quoteSwap, executeQuote, executeSwap };
