import { z } from '@hono/zod-openapi';
import { CHAINS } from '../lib/config/chains';
import { AmountSchema } from './numbers';

export const ChainSchema = z.enum(CHAINS).openapi({ example: 'ethereum' });

/** The newer single form Gateway adopted (`ethereum-base`, `solana-mainnet-beta`). */
export const ChainNetworkSchema = z
  .string()
  .regex(new RegExp(`^(${CHAINS.join('|')})-[a-z0-9-]+$`), "must be '<chain>-<network>', e.g. ethereum-mainnet or solana-mainnet-beta")
  .openapi({ example: 'ethereum-localnet' });

/** `chain`+`network`, or `chainNetwork`: both forms are accepted wherever Gateway took either. */
export const ChainNetworkQuerySchema = z.object({
  chain: ChainSchema.optional(),
  network: z.string().min(1).optional().openapi({ example: 'localnet' }),
  chainNetwork: ChainNetworkSchema.optional(),
});

export const MessageSchema = z.object({ message: z.string() }).openapi('Message');

// Shapes shared by every chain's routes (`/chains/{ethereum,solana}/*`), as Gateway's chain-schema.ts.

export const networkField = z.string().min(1).optional().openapi({ description: "Defaults to the chain's defaultNetwork", example: 'localnet' });
/** The connector routes' name for the wallet (Gateway's `walletAddress`). */
export const walletAddressField = z.string().min(1).optional().openapi({ description: "Defaults to the chain's defaultWallet" });
export const addressField = z.string().min(1).optional().openapi({ description: "Defaults to the chain's defaultWallet", example: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' });

export const NetworkQuerySchema = z.object({ network: networkField });

export const StatusResponseSchema = z
  .object({
    chain: z.string(),
    network: z.string(),
    rpcUrl: z.string(),
    rpcProvider: z.string(),
    currentBlockNumber: z.number(),
    nativeCurrency: z.string(),
    swapProvider: z.string(),
  })
  .openapi('StatusResponse');

export const EstimateGasResponseSchema = z
  .object({
    feePerComputeUnit: z.number(),
    denomination: z.string(),
    computeUnits: z.number(),
    feeAsset: z.string(),
    fee: z.number(),
    timestamp: z.number(),
    gasType: z.enum(['legacy', 'eip1559']).optional(),
    maxFeePerGas: z.number().optional(),
    maxPriorityFeePerGas: z.number().optional(),
    priorityFeeLevel: z.string().optional(),
    priorityFeePerCUEstimate: z.number().optional(),
  })
  .openapi('EstimateGasResponse');

export const BalancesRequestSchema = z
  .object({
    network: networkField,
    address: addressField,
    tokens: z.array(z.string()).optional().openapi({ description: 'Symbols or addresses; empty: native plus every non-zero listed token', example: ['ETH', 'USDC'] }),
  })
  .openapi('BalancesRequest');

export const BalancesResponseSchema = z.object({ balances: z.record(z.string(), z.number()) }).openapi('BalancesResponse');

export const PollRequestSchema = z
  .object({
    network: networkField,
    signature: z.string().min(1).openapi({ description: 'EVM: the 0x transaction hash. Solana: the base58 signature.' }),
    tokens: z.array(z.string()).optional().openapi({ description: 'Accepted for Gateway compatibility; balance changes are not reported' }),
    walletAddress: z.string().optional().openapi({ description: 'Accepted for Gateway compatibility' }),
  })
  .openapi('PollRequest');

export const PollResponseSchema = z
  .object({
    currentBlock: z.number(),
    signature: z.string(),
    txBlock: z.number().nullable(),
    txStatus: z.number().openapi({ description: '1 confirmed, 0 pending, -1 failed or not found' }),
    fee: z.number().nullable(),
    tokenBalanceChanges: z.record(z.string(), z.number()).optional(),
    txData: z.record(z.string(), z.unknown()).nullable(),
    error: z.string().optional(),
  })
  .openapi('PollResponse');

export const WrapRequestSchema = z
  .object({ network: networkField, address: addressField, amount: AmountSchema.openapi({ example: '0.5' }) })
  .openapi('WrapRequest');

export const WrapResponseSchema = z
  .object({
    signature: z.string(),
    status: z.number(),
    data: z
      .object({ nonce: z.number().optional(), fee: z.string(), amount: z.string(), wrappedAddress: z.string(), nativeToken: z.string(), wrappedToken: z.string() })
      .optional(),
  })
  .openapi('WrapResponse');


export type StatusResponse = z.infer<typeof StatusResponseSchema>;
export type PollResponse = z.infer<typeof PollResponseSchema>;
