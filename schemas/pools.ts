import { z } from '@hono/zod-openapi';
import { ChainNetworkQuerySchema } from './chains';
import { text } from './numbers';
import { TOKEN_SYMBOL_MAX } from './tokens';

// Gateway's pool lists (`conf/pools/<dex>.json` entries, PoolTemplate), one list per connector.

export const PoolTypeSchema = z.enum(['amm', 'clmm']).openapi({ example: 'amm' });

/** A pool as a connector ships it: the network and connector are where it is listed. */
export const ShippedPoolSchema = z.object({
  type: PoolTypeSchema,
  baseSymbol: z.string(),
  quoteSymbol: z.string(),
  baseTokenAddress: z.string(),
  quoteTokenAddress: z.string(),
  feePct: z.number(),
  address: z.string(),
});

export const PoolSchema = ShippedPoolSchema.extend({
  network: z.string(),
  connector: z.string().openapi({ description: 'The DEX whose list holds it (e.g. uniswap)' }),
}).openapi('Pool');

const connector = z.string().min(1).openapi({ example: 'uniswap' });

export const PoolListQuerySchema = ChainNetworkQuerySchema.extend({
  connector: connector.optional().openapi({ description: 'Omit to list every connector of the chain' }),
  type: PoolTypeSchema.optional(),
  search: z.string().optional().openapi({ description: 'Case-insensitive substring of a symbol or the address', example: 'usdc' }),
});

export const PoolGetQuerySchema = ChainNetworkQuerySchema.extend({ connector: connector.optional(), type: PoolTypeSchema.optional() });

export const PoolAddBodySchema = ChainNetworkQuerySchema.extend({
  connector,
  type: PoolTypeSchema,
  address: z.string().min(1),
  baseTokenAddress: z.string().min(1),
  quoteTokenAddress: z.string().min(1),
  baseSymbol: text(TOKEN_SYMBOL_MAX).optional().openapi({ description: 'Defaults to the token list symbol of baseTokenAddress' }),
  quoteSymbol: text(TOKEN_SYMBOL_MAX).optional(),
  feePct: z.number().min(0).max(100).optional().openapi({ description: "Omitted: read from the connector's pool-info" }),
});

export const PoolFindQuerySchema = ChainNetworkQuerySchema.extend({
  connector: connector.optional().openapi({ description: 'Omit to search every connector of the chain' }),
  type: PoolTypeSchema.optional().openapi({ description: 'Omit for both types' }),
  tokenA: z.string().min(1).optional().openapi({ description: 'A symbol (case-insensitive) or an address', example: 'WETH' }),
  tokenB: z.string().min(1).optional().openapi({ description: 'With tokenA: the other token of the pair, in either order', example: 'USDC' }),
});

export const PoolSaveQuerySchema = ChainNetworkQuerySchema.extend({
  connector: connector.optional().openapi({ description: 'Omit to take the connector whose factory deployed the pool' }),
  type: PoolTypeSchema.optional().openapi({ description: 'Omit to detect it on chain: a V2 pair is amm, a V3 pool clmm' }),
});

export const PoolSavedSchema = z.object({ message: z.string(), pool: PoolSchema }).openapi('PoolSaved');

export const PoolRemoveSchema = ChainNetworkQuerySchema.extend({ connector: connector.optional(), type: PoolTypeSchema.optional() });

export type Pool = z.infer<typeof PoolSchema>;
export type ShippedPool = z.infer<typeof ShippedPoolSchema>;
export type PoolType = z.infer<typeof PoolTypeSchema>;
