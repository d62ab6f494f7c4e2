import { createRoute, z } from '@hono/zod-openapi';
import { idempotencyConflict, idempotencyHeader, json, jsonBody, rpcErrors } from '../../lib/openapi';
import { MessageSchema } from '../../schemas/chains';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';
import {
  AddHardwareWalletRequestSchema,
  AddWalletRequestSchema,
  CreateWalletRequestSchema,
  ShowPrivateKeyRequestSchema,
  TransferRequestSchema,
  TransferResponseSchema,
  WalletListSchema,
  WalletRefSchema,
} from '../../schemas/wallet';

const tags = ['Wallet'];

export const listWallets = createRoute({
  method: 'get',
  path: '/wallet',
  tags,
  summary: 'Wallets per chain',
  request: { query: z.object({ showHardware: z.enum(['true', 'false']).optional() }) },
  responses: { 200: json(WalletListSchema, 'Wallet addresses per chain'), ...commonErrorResponses },
});

export const addWallet = createRoute({
  method: 'post',
  path: '/wallet/add',
  tags,
  summary: 'Add a wallet from its private key (stored encrypted)',
  request: jsonBody(AddWalletRequestSchema),
  responses: { 200: json(z.object({ address: z.string() }), 'Added'), ...commonErrorResponses },
});

export const createWallet = createRoute({
  method: 'post',
  path: '/wallet/create',
  tags,
  summary: 'Generate a new wallet (stored encrypted)',
  request: jsonBody(CreateWalletRequestSchema),
  responses: { 200: json(z.object({ address: z.string(), chain: z.string() }), 'Created'), ...commonErrorResponses },
});

export const addHardwareWallet = createRoute({
  method: 'post',
  path: '/wallet/add-hardware',
  tags,
  summary: 'Hardware wallets are not supported (no USB on Workers)',
  request: jsonBody(AddHardwareWalletRequestSchema),
  responses: { 400: errorResponse('Always: hardware wallets need a Ledger over USB, which a Worker cannot reach'), 401: commonErrorResponses[401] },
});

export const removeWallet = createRoute({
  method: 'delete',
  path: '/wallet/remove',
  tags,
  summary: 'Remove a wallet (succeeds when already absent)',
  request: jsonBody(WalletRefSchema),
  responses: { 200: json(MessageSchema, 'Removed'), ...commonErrorResponses },
});

export const setDefaultWallet = createRoute({
  method: 'post',
  path: '/wallet/setDefault',
  tags,
  summary: "Make a wallet its chain's default",
  request: jsonBody(WalletRefSchema),
  responses: {
    200: json(z.object({ message: z.string(), chain: z.string(), address: z.string() }), 'Set'),
    404: errorResponse('No such wallet'),
    ...commonErrorResponses,
  },
});

export const showPrivateKey = createRoute({
  method: 'post',
  path: '/wallet/show-private-key',
  tags,
  summary: "A wallet's private key: the one route that returns it, behind the gateway passphrase",
  request: jsonBody(ShowPrivateKeyRequestSchema),
  responses: {
    200: json(z.object({ address: z.string(), chain: z.string(), privateKey: z.string() }), 'The key'),
    404: errorResponse('No such wallet'),
    429: errorResponse('Too many wrong passphrases for this wallet: retry after `Retry-After` seconds'),
    ...commonErrorResponses,
  },
});

export const send = createRoute({
  method: 'post',
  path: '/wallet/send',
  tags,
  summary: 'Send the native currency or a token from a wallet (simulated first; a failing transfer is refused and costs nothing)',
  description: 'Solana: SPL tokens (Token and Token-2022) go to the recipient\'s associated token account, created when missing.',
  request: { ...jsonBody(TransferRequestSchema), headers: idempotencyHeader },
  responses: { ...idempotencyConflict, 200: json(TransferResponseSchema, 'Sent and awaited'), 404: errorResponse('Unknown token or wallet'), ...rpcErrors, ...commonErrorResponses },
});
