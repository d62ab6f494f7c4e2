import { z } from '@hono/zod-openapi';
import { ChainSchema } from './chains';

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
