import { z } from '@hono/zod-openapi';
import { ChainSchema } from './chains';

/**
 * An account or connector name: Hummingbot API's safe names (its guard against path traversal),
 * bounded, since they become keys.
 */
export const SafeNameSchema = z
  .string()
  .min(1)
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, _ and -');

export const AccountNameQuerySchema = z.object({ account_name: SafeNameSchema.openapi({ example: 'trading_desk' }) });

export const AccountPathSchema = z.object({ account_name: SafeNameSchema.openapi({ param: { name: 'account_name', in: 'path' }, example: 'master_account' }) });

export const AccountConnectorPathSchema = AccountPathSchema.extend({
  connector_name: SafeNameSchema.openapi({ param: { name: 'connector_name', in: 'path' }, example: 'binance' }),
});

export const AccountListSchema = z.array(z.string()).openapi('AccountList', { example: ['master_account'] });

export const ConnectorNameListSchema = z.array(z.string()).openapi({ example: ['binance', 'binance_perpetual'] });

export const MessageResponseSchema = z.object({ message: z.string() }).openapi('MessageResponse');

/** A credential value: Hummingbot's fields are strings, but its `bool` fields may come as booleans. */
const credentialValue = z.union([z.string().max(4096), z.boolean()]);

/** The raw dict of Hummingbot field names a connector's config map lists, e.g. `binance_api_key`. */
export const CredentialsSchema = z
  .record(z.string().max(100), credentialValue)
  .openapi('Credentials', { example: { binance_api_key: '<api key>', binance_api_secret: '<api secret>' } });

export const GatewayWalletGroupSchema = z
  .object({ chain: z.string(), walletAddresses: z.array(z.string()), default_address: z.string() })
  .openapi('GatewayWalletGroup');

export const AddGatewayWalletRequestSchema = z
  .object({ chain: ChainSchema, private_key: z.string().min(1).max(200), set_default: z.boolean().default(true) })
  .openapi('AddGatewayWalletRequest');

export const SetDefaultGatewayWalletRequestSchema = z.object({ chain: ChainSchema, address: z.string().min(1).max(100) }).openapi('SetDefaultGatewayWalletRequest');

export const GatewayWalletPathSchema = z.object({
  chain: ChainSchema.openapi({ param: { name: 'chain', in: 'path' } }),
  address: z.string().min(1).max(100).openapi({ param: { name: 'address', in: 'path' } }),
});
