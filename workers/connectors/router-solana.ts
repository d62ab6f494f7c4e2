import { parseSolanaAddress } from '../../lib/chains/address';
import { createSolanaClient, type SolanaNetwork } from '../../lib/chains/solana/client';
import type { Config } from '../../lib/config/store';
import { requireSolanaRouter } from '../../lib/connectors/actions';
import { jsonQuoteStore } from '../../lib/connectors/quoteStore';
import type { SolanaRouterContext, SolanaSwapParameters, SolanaWallet } from '../../lib/connectors/types';
import { getDb } from '../../lib/db/client';
import { exchangeBaseUrl } from '../../lib/exchanges/base-urls';
import { runOnce, type IdempotentRequest } from '../../lib/idempotency';
import { sendPrebuiltSolanaTransaction } from '../../lib/signer/solana-client';
import { TokenList } from '../../lib/tokens/registry';
import type { Amount, Side } from '../../schemas/amm';
import type { ConnectorsEnv } from './env';

/** A swap as router requests name it. */
type SwapRequest = { baseToken: string; quoteToken: string; amount: Amount; side: Side; slippagePct?: number; walletAddress?: string };

/** A Solana wallet whose transactions go through its signer; each transaction of a request gets its own idempotency key. */
function solanaSigningWallet(env: ConnectorsEnv, network: SolanaNetwork, address: string, idempotencyKey?: string): SolanaWallet {
  return {
    address,
    sendPrebuilt: (transaction, kind) => sendPrebuiltSolanaTransaction(env, address, { network, transaction, kind, idempotencyKey: idempotencyKey && `${idempotencyKey}:${kind}` }),
  };
}

/**
 * What a Solana router request (Jupiter) works with: the connector's router on the network (400 when it
 * does not serve it), its API's URL (a stand-in's when EXCHANGE_BASE_URLS names one), the token list,
 * its quote store, and the actions as the router and the unified trading routes call them.
 */
export async function solanaRouterRequest(env: ConnectorsEnv, config: Config, dex: string, networkName?: string) {
  const network = config.network('solana', networkName);
  const { actions, apiUrl } = requireSolanaRouter(dex, network.name);
  const context: SolanaRouterContext = {
    network,
    client: createSolanaClient(network),
    tokens: await TokenList.load(getDb(env), config, 'solana', network.name),
    apiUrl: exchangeBaseUrl(env, dex) ?? apiUrl,
    quotes: jsonQuoteStore(env, { connector: `${dex}/router`, chain: 'solana', network: network.name }),
  };
  const swap = (request: SwapRequest): SolanaSwapParameters => ({
    base: context.tokens.require(request.baseToken),
    quote: context.tokens.require(request.quoteToken),
    amount: request.amount,
    side: request.side,
    slippagePct: request.slippagePct ?? config.connector(dex).slippagePct,
  });
  const wallet = (given?: string, idempotency?: IdempotentRequest) => solanaSigningWallet(env, network, parseSolanaAddress(config.wallet('solana', given), 'walletAddress'), idempotency?.key);
  const once = <T>(signer: SolanaWallet, idempotency: IdempotentRequest | undefined, work: () => Promise<T>) =>
    runOnce(env, { chain: 'solana', network: network.name, address: signer.address }, idempotency, work);
  return {
    quoteSwap: (request: SwapRequest) =>
      actions.quoteSwap(context, { ...swap(request), walletAddress: request.walletAddress === undefined ? undefined : parseSolanaAddress(request.walletAddress, 'walletAddress') }),
    executeSwap: (request: SwapRequest, idempotency?: IdempotentRequest) => {
      const signer = wallet(request.walletAddress, idempotency);
      return once(signer, idempotency, () => actions.executeSwap(context, { ...swap(request), wallet: signer }));
    },
    /** Without `walletAddress`, the quote's wallet signs, else the chain's default wallet. */
    executeQuote: async (request: { quoteId: string; walletAddress?: string }, idempotency?: IdempotentRequest) => {
      const signer = wallet(request.walletAddress ?? (await context.quotes.walletFor(request.quoteId)), idempotency);
      return once(signer, idempotency, () =>
        actions.executeQuote(context, { quoteId: request.quoteId, idempotencyKey: idempotency?.key, wallet: (quotedFor) => wallet(request.walletAddress ?? quotedFor, idempotency) }),
      );
    },
  };
}
