import { z } from '@hono/zod-openapi';
import { text } from './numbers';

/** Longest token name and symbol stored (token lists cap them lower). */
export const TOKEN_NAME_MAX = 100;
export const TOKEN_SYMBOL_MAX = 32;

export const TokenSchema = z
  .object({
    chainId: z.number().int().positive().optional(),
    name: text(TOKEN_NAME_MAX),
    symbol: text(TOKEN_SYMBOL_MAX),
    address: z.string().min(1).max(100),
    decimals: z.number().int().min(0).max(255),
  })
  .openapi('Token');

export type Token = z.infer<typeof TokenSchema>;
