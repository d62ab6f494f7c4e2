import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody } from '../../lib/openapi';
import { AddGatewayWalletRequestSchema, GatewayWalletGroupSchema, GatewayWalletPathSchema, SetDefaultGatewayWalletRequestSchema } from '../../schemas/accounts';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';

// Hummingbot API's view of Gateway's wallets; here they are Colibri's own (the chains worker's).
const tags = ['Accounts'];

export const listGatewayWallets = createRoute({
  method: 'get',
  path: '/accounts/gateway/wallets',
  tags,
  summary: "Wallets per chain with the chain's default (also served with a trailing slash)",
  responses: { 200: json(z.array(GatewayWalletGroupSchema), 'Wallet groups'), ...commonErrorResponses },
});

export const addGatewayWallet = createRoute({
  method: 'post',
  path: '/accounts/gateway/add-wallet',
  tags,
  summary: 'Add a wallet from its private key (stored encrypted), by default as its chain default',
  request: jsonBody(AddGatewayWalletRequestSchema),
  responses: { 201: json(z.object({ address: z.string() }), 'Added'), ...commonErrorResponses },
});

export const setDefaultGatewayWallet = createRoute({
  method: 'post',
  path: '/accounts/gateway/wallet/set-default',
  tags,
  summary: "Make a wallet its chain's default",
  request: jsonBody(SetDefaultGatewayWalletRequestSchema),
  responses: {
    200: json(z.object({ success: z.boolean(), message: z.string(), chain: z.string(), address: z.string() }), 'Set'),
    404: errorResponse('No such wallet'),
    ...commonErrorResponses,
  },
});

export const removeGatewayWallet = createRoute({
  method: 'delete',
  path: '/accounts/gateway/{chain}/{address}',
  tags,
  summary: 'Remove a wallet (succeeds when already absent)',
  request: { params: GatewayWalletPathSchema },
  responses: { 200: json(z.object({ success: z.boolean(), message: z.string() }), 'Removed'), ...commonErrorResponses },
});
