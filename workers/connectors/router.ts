import { parseEvmAddress } from '../../lib/chains/address';
import { createEvmClient, withRpc } from '../../lib/chains/ethereum/client';
import type { Config } from '../../lib/config/store';
import { postgresQuoteStore } from '../../lib/connectors/quoteStore';
import { requireRouter } from '../../lib/connectors/actions';
import { requireConnector } from '../../lib/connectors/registry';
import { routerPair } from '../../lib/connectors/routerPair';
import type { RouterContext, RouterSwapParameters, Wallet } from '../../lib/connectors/types';
import { getDb } from '../../lib/db/client';
import { runOnce, type IdempotentRequest } from '../../lib/idempotency';
import { PoolList } from '../../lib/pools/registry';
import { TokenList } from '../../lib/tokens/registry';
import type { Amount, Side } from '../../schemas/amm';
import { signingWallet } from './amm';
import type { ConnectorsEnv } from './env';
import { solanaRouterRequest } from './router-solana';

/** A swap as router requests name it. */
type SwapRequest = { baseToken: string; quoteToken: string; amount: Amount; side: Side; slippagePct?: number; walletAddress?: string };

/**
 * What a router request works with: the connector's router on the network (400 when it does not serve
 * it), the token list and the connector's listed pools (read together), its quote store, and the
 * router actions as both the router routes and the unified trading routes call them, with RPC
 * failures mapped to 429/503.
 */
export async function routerRequest(env: ConnectorsEnv, config: Config, dex: string, networkName?: string) {
  const connector = requireConnector(dex);
  if (connector.chain === 'solana') return solanaRouterRequest(env, config, dex, networkName);
  const { chain } = connector;
  const network = config.network(chain, networkName);
  const { actions, dex: deployment } = requireRouter(dex, network.name);
  const db = getDb(env);
  const [tokens, pools] = await Promise.all([TokenList.load(db, config, chain, network.name), PoolList.load(db, chain, network.name)]);
  const context: RouterContext = {
    network,
    client: createEvmClient(network),
    tokens,
    dex: deployment,
    pools: pools.find({ connector: dex }),
    quotes: postgresQuoteStore(env, { connector: deployment.spender, chain, network: network.name }),
  };
  const swap = (request: SwapRequest): RouterSwapParameters => ({
    ...routerPair(context, request.baseToken, request.quoteToken),
    amount: request.amount,
    side: request.side,
    slippagePct: request.slippagePct ?? config.connector(dex).slippagePct,
  });
  const wallet = (given?: string, idempotency?: IdempotentRequest) => signingWallet(env, network, parseEvmAddress(config.wallet(chain, given), 'walletAddress'), idempotency?.key);
  const rpc = <T>(work: () => Promise<T>) => withRpc(network, work);
  const once = <T>(signer: Wallet, idempotency: IdempotentRequest | undefined, work: () => Promise<T>) =>
    runOnce(env, { chain, network: network.name, address: signer.address }, idempotency, () => rpc(work));
  return {
    quoteSwap: (request: SwapRequest) =>
      rpc(() => actions.quoteSwap(context, { ...swap(request), walletAddress: request.walletAddress === undefined ? undefined : parseEvmAddress(request.walletAddress, 'walletAddress') })),
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
