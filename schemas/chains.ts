import { z } from '@hono/zod-openapi';

export const ChainSchema = z.enum(['ethereum', 'solana']).openapi({ example: 'ethereum' });

/** The newer single form Gateway adopted (`ethereum-base`, `solana-mainnet-beta`). */
export const ChainNetworkSchema = z
  .string()
  .regex(/^(ethereum|solana)-[a-z0-9-]+$/, "must be '<chain>-<network>', e.g. ethereum-mainnet or solana-mainnet-beta")
  .openapi({ example: 'ethereum-localnet' });

/** `chain`+`network`, or `chainNetwork`: both forms are accepted wherever Gateway took either. */
export const ChainNetworkQuerySchema = z.object({
  chain: ChainSchema.optional(),
  network: z.string().min(1).optional().openapi({ example: 'localnet' }),
  chainNetwork: ChainNetworkSchema.optional(),
});

export const MessageSchema = z.object({ message: z.string() }).openapi('Message');
