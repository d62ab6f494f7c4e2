import { z } from '@hono/zod-openapi';

export const TokenSchema = z
  .object({
    chainId: z.number().int().optional(),
    name: z.string().min(1),
    symbol: z.string().min(1),
    address: z.string().min(1),
    decimals: z.number().int().min(0).max(255),
  })
  .openapi('Token');

export type Token = z.infer<typeof TokenSchema>;
