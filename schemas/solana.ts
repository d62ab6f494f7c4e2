import { z } from '@hono/zod-openapi';
import { addressField, networkField } from './chains';
import { AmountSchema } from './numbers';

/** Gateway's Solana unwrap always closes the whole WSOL account; `amount` only guards against less. */
export const SolanaUnwrapRequestSchema = z
  .object({
    network: networkField,
    address: addressField,
    amount: AmountSchema.optional().openapi({ description: 'At most the WSOL balance; the whole account is closed either way', example: '0.5' }),
  })
  .openapi('SolanaUnwrapRequest');
