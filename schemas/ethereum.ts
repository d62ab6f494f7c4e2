import { z } from '@hono/zod-openapi';
import { addressField, networkField } from './chains';
import { AmountSchema } from './numbers';

const spender = z.string().min(1).openapi({
  description:
    'A 0x address or a connector alias such as `uniswap/amm`. `dex/router` and the bare `dex` (e.g. `uniswap`) are the DEX\'s SwapRouter02, ' +
    'approved directly: Colibri uses neither Permit2 nor the Universal Router, so no second approval is needed.',
  example: 'uniswap/router',
});

export const AllowancesRequestSchema = z
  .object({
    network: networkField,
    address: addressField,
    spender,
    tokens: z.array(z.string()).default([]).openapi({ example: ['USDC', 'DAI'] }),
  })
  .openapi('AllowancesRequest');

export const AllowancesResponseSchema = z.object({ spender: z.string(), approvals: z.record(z.string(), z.string()) }).openapi('AllowancesResponse');

export const ApproveRequestSchema = z
  .object({
    network: networkField,
    address: addressField,
    spender,
    token: z.string().min(1),
    // Empty reads as absent; anything else is an amount, refused with the amount's own reason.
    amount: z
      .preprocess((value) => (value === '' ? undefined : value), AmountSchema.optional())
      .openapi({ description: 'Human units (a JSON number or a decimal string); empty or absent approves the maximum' }),
  })
  .openapi('ApproveRequest');

export const ApproveResponseSchema = z
  .object({
    signature: z.string(),
    status: z.number(),
    data: z.object({ tokenAddress: z.string(), spender: z.string(), amount: z.string(), nonce: z.number(), fee: z.string() }).optional(),
  })
  .openapi('ApproveResponse');

