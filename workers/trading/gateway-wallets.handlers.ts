import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppRouteHandler } from '../../lib/app';
import { HttpError } from '../../lib/errors';
import type { TradingEnv } from './env';
import type * as routes from './gateway-wallets.routes';

/** A call to the chains worker's wallet routes; its errors (already in the one error shape) pass through. */
async function chains<T>(env: TradingEnv, method: string, path: string, body?: unknown): Promise<T> {
  const response = await env.CHAINS.fetch(
    new Request(`https://chains.internal${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }),
  );
  const payload = (await response.json()) as T & { message?: string; code?: string };
  if (!response.ok) throw new HttpError(response.status as ContentfulStatusCode, payload.message ?? `chains answered ${response.status}`, payload.code);
  return payload;
}

// Gateway's "no default wallet yet" placeholders look like `<ethereum-wallet-address>`.
const isPlaceholder = (address: string) => /^<.*>$/.test(address);

export const listGatewayWallets: AppRouteHandler<typeof routes.listGatewayWallets, TradingEnv> = async (c) => {
  const groups = await chains<{ chain: string; walletAddresses: string[] }[]>(c.env, 'GET', '/wallet');
  const withDefaults = await Promise.all(
    groups.map(async (group) => {
      const { defaultWallet } = await chains<{ defaultWallet?: string }>(c.env, 'GET', `/config?namespace=${encodeURIComponent(group.chain)}`);
      return { chain: group.chain, walletAddresses: group.walletAddresses, default_address: defaultWallet && !isPlaceholder(defaultWallet) ? defaultWallet : '' };
    }),
  );
  return c.json(withDefaults, 200);
};

export const addGatewayWallet: AppRouteHandler<typeof routes.addGatewayWallet, TradingEnv> = async (c) => {
  const { chain, private_key: privateKey, set_default: setDefault } = c.req.valid('json');
  return c.json(await chains<{ address: string }>(c.env, 'POST', '/wallet/add', { chain, privateKey, setDefault }), 201);
};

export const setDefaultGatewayWallet: AppRouteHandler<typeof routes.setDefaultGatewayWallet, TradingEnv> = async (c) => {
  const { chain, address } = c.req.valid('json');
  const set = await chains<{ address: string }>(c.env, 'POST', '/wallet/setDefault', { chain, address });
  return c.json({ success: true, message: `Set ${set.address} as default wallet for ${chain}`, chain, address: set.address }, 200);
};

export const removeGatewayWallet: AppRouteHandler<typeof routes.removeGatewayWallet, TradingEnv> = async (c) => {
  const { chain, address } = c.req.valid('param');
  await chains(c.env, 'DELETE', '/wallet/remove', { chain, address });
  return c.json({ success: true, message: `Successfully removed ${chain} wallet` }, 200);
};
