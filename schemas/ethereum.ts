import { z } from '@hono/zod-openapi';

const network = z.string().min(1).optional().openapi({ description: "Defaults to the chain's defaultNetwork", example: 'localnet' });
const address = z.string().min(1).optional().openapi({ description: "Defaults to the chain's defaultWallet", example: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' });
/** Gateway coerces numbers to strings for its string amounts; so do we. */
const amountString = z.union([z.string(), z.number()]).transform(String);

export const NetworkQuerySchema = z.object({ network });

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
    network,
    address,
    tokens: z.array(z.string()).optional().openapi({ description: 'Symbols or addresses; empty: native plus every non-zero listed token', example: ['ETH', 'USDC'] }),
  })
  .openapi('BalancesRequest');

export const BalancesResponseSchema = z.object({ balances: z.record(z.string(), z.number()) }).openapi('BalancesResponse');

export const PollRequestSchema = z
  .object({
    network,
    signature: z.string().min(1).openapi({ description: 'Transaction hash (or Solana signature)' }),
    tokens: z.array(z.string()).optional(),
    walletAddress: z.string().optional(),
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

export const AllowancesRequestSchema = z
  .object({
    network,
    address,
    spender: z.string().min(1).openapi({ description: 'A 0x address or a connector alias such as uniswap/amm' }),
    tokens: z.array(z.string()).default([]).openapi({ example: ['USDC', 'DAI'] }),
  })
  .openapi('AllowancesRequest');

export const AllowancesResponseSchema = z.object({ spender: z.string(), approvals: z.record(z.string(), z.string()) }).openapi('AllowancesResponse');

export const ApproveRequestSchema = z
  .object({
    network,
    address,
    spender: z.string().min(1),
    token: z.string().min(1),
    amount: amountString.optional().openapi({ description: 'Human units; empty or absent approves the maximum', type: 'string' }),
  })
  .openapi('ApproveRequest');

export const ApproveResponseSchema = z
  .object({
    signature: z.string(),
    status: z.number(),
    data: z.object({ tokenAddress: z.string(), spender: z.string(), amount: z.string(), nonce: z.number(), fee: z.string() }).optional(),
  })
  .openapi('ApproveResponse');

export const WrapRequestSchema = z
  .object({ network, address, amount: amountString.openapi({ type: 'string', example: '0.5' }) })
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

export const TransferRequestSchema = z
  .object({
    chain: z.enum(['ethereum', 'solana']),
    network: z.string().min(1),
    address: z.string().min(1),
    toAddress: z.string().min(1),
    amount: amountString.openapi({ type: 'string', example: '0.1' }),
    token: z.string().optional().openapi({ description: 'Omit for the native currency' }),
  })
  .openapi('TransferRequest');

export const TransferResponseSchema = z
  .object({ signature: z.string(), status: z.number(), amount: z.string(), token: z.string(), toAddress: z.string(), fee: z.number().optional() })
  .openapi('TransferResponse');
