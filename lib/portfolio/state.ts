import { asc } from 'drizzle-orm';
import { MASTER_ACCOUNT } from '../accounts/store';
import { getDb } from '../db/client';
import { exchangeCredentials } from '../db/schema';
import { Decimal } from '../decimal';
import type { RouterEnv } from '../env';
import { exchangeSession, type ExchangeSessionsEnv } from '../exchanges/session-client';
import { unwrapResult } from '../rpc';
import { getDexPrices, type ConnectorsEnv } from './dex-prices';
import { priceTokens, type TokenPrices } from './prices';
import { getWalletBalances, type ChainsEnv } from './wallet-balances';

export interface PortfolioEnv extends RouterEnv, ExchangeSessionsEnv, ChainsEnv, ConnectorsEnv {}

/** The connector that prices wallet tokens (exchange tickers, in USDT); those it does not list get a DEX quote. */
export const WALLET_PRICE_CONNECTOR = 'binance';

/** A token held, in exact decimal text; `priceMissing` when no source priced it (price and value 0). */
export interface TokenHolding {
  token: string;
  units: string;
  price: string;
  value: string;
  availableUnits: string;
  priceMissing: boolean;
}

/** account → connector (or `chain-network` under master_account) → holdings. */
export type PortfolioState = Record<string, Record<string, TokenHolding[]>>;

export interface GetPortfolioStateParameters {
  accountNames?: string[];
  connectorNames?: string[];
  /** Leave out Colibri's own wallets. */
  skipGateway?: boolean;
}

interface Held {
  account: string;
  connector: string;
  /** Which connector's tickers price it. */
  pricedBy: string;
  /** A wallet's `chain-network`: where a DEX quotes the tokens the exchange does not list. */
  dexNetwork?: string;
  balances: Record<string, { total: string; available: string }>;
}

const selected = (names: string[] | undefined, name: string) => !names?.length || names.includes(name);

/**
 * Every account's balances on every connector it holds credentials for, and the default wallets'
 * under master_account, priced in USDT: one balance request per (account, connector), one tickers
 * request per pricing connector, one RPC request per wallet network, and a DEX quote for each wallet
 * token the exchange does not list.
 */
export async function getPortfolioState(env: PortfolioEnv, parameters: GetPortfolioStateParameters = {}): Promise<PortfolioState> {
  const credentials = await getDb(env)
    .select({ account: exchangeCredentials.accountName, connector: exchangeCredentials.connector })
    .from(exchangeCredentials)
    .orderBy(asc(exchangeCredentials.accountName), asc(exchangeCredentials.connector));
  const wanted = credentials.filter(({ account, connector }) => selected(parameters.accountNames, account) && selected(parameters.connectorNames, connector));
  const withWallets = !parameters.skipGateway && selected(parameters.accountNames, MASTER_ACCOUNT);

  const [exchangeHeld, wallets] = await Promise.all([
    Promise.all(
      wanted.map(async ({ account, connector }): Promise<Held> => ({ account, connector, pricedBy: connector, balances: unwrapResult(await exchangeSession(env, connector, account).balances(account, connector)) })),
    ),
    withWallets ? getWalletBalances(env) : Promise.resolve([]),
  ]);
  const walletHeld: Held[] = wallets
    .filter((wallet) => selected(parameters.connectorNames, wallet.chainNetwork))
    .map((wallet) => ({
      account: MASTER_ACCOUNT,
      connector: wallet.chainNetwork,
      pricedBy: WALLET_PRICE_CONNECTOR,
      dexNetwork: wallet.chainNetwork,
      balances: Object.fromEntries(Object.entries(wallet.balances).map(([token, units]) => [token, { total: units, available: units }])),
    }));
  const held = [...exchangeHeld, ...walletHeld];

  const tokensByPricer = new Map<string, Set<string>>();
  for (const entry of held) {
    const tokens = tokensByPricer.get(entry.pricedBy) ?? new Set<string>();
    for (const token of Object.keys(entry.balances)) tokens.add(token);
    tokensByPricer.set(entry.pricedBy, tokens);
  }
  const prices = new Map<string, TokenPrices>(await Promise.all([...tokensByPricer].map(async ([connector, tokens]) => [connector, await priceTokens(env, connector, tokens)] as const)));
  const dexPrices = new Map<string, TokenPrices>(
    await Promise.all(
      held
        .filter((entry) => entry.dexNetwork !== undefined)
        .map(async (entry) => {
          const unpriced = Object.keys(entry.balances).filter((token) => !prices.get(entry.pricedBy)?.has(token));
          return [entry.dexNetwork!, unpriced.length ? await getDexPrices(env, entry.dexNetwork!, unpriced) : new Map()] as const;
        }),
    ),
  );

  const state: PortfolioState = {};
  for (const entry of held) {
    const rows = Object.entries(entry.balances).map(([token, { total, available }]): TokenHolding => {
      const units = Decimal.from(total);
      const price: Decimal | undefined = prices.get(entry.pricedBy)?.get(token) ?? (entry.dexNetwork ? dexPrices.get(entry.dexNetwork)?.get(token) : undefined);
      // 18 fraction digits are plenty for a value; the exact product of two such decimals has up to 36.
      const value = price === undefined ? Decimal.ZERO : units.times(price).rounded(18);
      return { token, units: units.toString(), price: (price ?? Decimal.ZERO).toString(), value: value.toString(), availableUnits: Decimal.from(available).toString(), priceMissing: price === undefined };
    });
    rows.sort((a, b) => Decimal.from(b.value).compare(a.value) || a.token.localeCompare(b.token));
    (state[entry.account] ??= {})[entry.connector] = rows;
  }
  return state;
}

/** Hummingbot API's token row: floats, and `price_missing` only when the token could not be priced. */
export const tokenRow = (holding: TokenHolding) => ({
  token: holding.token,
  units: Number(holding.units),
  price: Number(holding.price),
  value: Number(holding.value),
  available_units: Number(holding.availableUnits),
  ...(holding.priceMissing ? { price_missing: true as const } : {}),
});

/** The state as Hummingbot API renders it. */
export const stateRows = (state: PortfolioState) =>
  Object.fromEntries(Object.entries(state).map(([account, connectors]) => [account, Object.fromEntries(Object.entries(connectors).map(([connector, rows]) => [connector, rows.map(tokenRow)]))]));
