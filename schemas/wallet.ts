import { z } from '@hono/zod-openapi';
import { ChainSchema } from './chains';
import { AmountSchema } from './numbers';

export const WalletListSchema = z
  .array(z.object({ chain: z.string(), walletAddresses: z.array(z.string()), hardwareWalletAddresses: z.array(z.string()).optional() }))
  .openapi('WalletList');

export const AddWalletRequestSchema = z
  .object({
    chain: ChainSchema,
    privateKey: z.string().min(1).openapi({ description: 'EVM: 0x-hex. Solana: base58 of the 64-byte secret key.' }),
    setDefault: z.boolean().default(false),
  })
  .openapi('AddWalletRequest');

export const CreateWalletRequestSchema = z.object({ chain: ChainSchema, setDefault: z.boolean().default(false) }).openapi('CreateWalletRequest');

export const WalletRefSchema = z.object({ chain: ChainSchema, address: z.string().min(1) }).openapi('WalletRef');

export const ShowPrivateKeyRequestSchema = WalletRefSchema.extend({ passphrase: z.string().min(1) }).openapi('ShowPrivateKeyRequest');

export const AddHardwareWalletRequestSchema = z
  .object({ chain: ChainSchema.default('solana'), address: z.string().optional(), setDefault: z.boolean().default(false) })
  .openapi('AddHardwareWalletRequest');

export const TransferRequestSchema = z
  .object({
    chain: ChainSchema,
    network: z.string().min(1).openapi({ example: 'localnet' }),
    address: z.string().min(1).openapi({ description: 'The sending wallet (one Colibri holds the key of)' }),
    toAddress: z.string().min(1),
    amount: AmountSchema.openapi({ description: 'Human units of the token (or native currency): a JSON number or a decimal string', example: '0.1' }),
    token: z.string().optional().openapi({ description: 'Symbol or address from the network token list; omit for the native currency', example: 'USDC' }),
  })
  .openapi('TransferRequest');

export const TransferResponseSchema = z
  .object({
    signature: z.string(),
    status: z.number().openapi({ description: '1 confirmed, 0 still pending when the wait ended, -1 failed' }),
    amount: z.string(),
    token: z.string(),
    toAddress: z.string(),
    fee: z.number().optional().openapi({ description: 'In the native currency, once the transaction landed' }),
  })
  .openapi('TransferResponse');
