import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Decimal } from '../decimal';
import { HttpError } from '../errors';

export interface ChainsEnv {
  /** The chains worker: wallets, their default network, their balances. */
  CHAINS: Fetcher;
}

/** A wallet's balances on one network, keyed `chain-network` as Hummingbot API keys Gateway's. */
export interface WalletBalances {
  chainNetwork: string;
  address: string;
  /** Units by token symbol, decimal text. */
  balances: Record<string, string>;
}

async function chains<T>(env: ChainsEnv, method: string, path: string, body?: unknown): Promise<T> {
  const response = await env.CHAINS.fetch(
    new Request(`https://chains.internal${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }),
  );
  const payload = (await response.json()) as T & { message?: string; code?: string };
  if (!response.ok) throw new HttpError(response.status as ContentfulStatusCode, payload.message ?? `chains answered ${response.status}`, payload.code);
  return payload;
}

// Gateway's "no default wallet yet" placeholders look like `<ethereum-wallet-address>`.
const isPlaceholder = (address: string | undefined) => !address || /^<.*>$/.test(address);

/**
 * The non-zero balances of each chain's default wallet on the chain's default network, as Hummingbot
 * API reads Gateway's: one balances request to the chains worker (one RPC request) per wallet network.
 */
export async function getWalletBalances(env: ChainsEnv): Promise<WalletBalances[]> {
  const groups = await chains<{ chain: string; walletAddresses: string[] }[]>(env, 'GET', '/wallet');
  const wallets = await Promise.all(
    groups
      .filter((group) => group.walletAddresses.length > 0)
      .map(async (group) => {
        const config = await chains<{ defaultWallet?: string; defaultNetwork?: string }>(env, 'GET', `/config?namespace=${encodeURIComponent(group.chain)}`);
        if (isPlaceholder(config.defaultWallet) || !config.defaultNetwork) return undefined;
        const { balances } = await chains<{ balances: Record<string, number> }>(env, 'POST', `/chains/${group.chain}/balances`, { network: config.defaultNetwork, address: config.defaultWallet });
        const held = Object.fromEntries(Object.entries(balances).filter(([, units]) => units > 0).map(([token, units]) => [token, Decimal.from(units).toString()]));
        return { chainNetwork: `${group.chain}-${config.defaultNetwork}`, address: config.defaultWallet!, balances: held };
      }),
  );
  return wallets.filter((wallet): wallet is WalletBalances => wallet !== undefined);
}
