import type { Address } from 'viem';
import { parseEvmAddress } from '../../lib/chains/address';
import { createEvmClient, withRpc, type EvmNetwork } from '../../lib/chains/ethereum/client';
import type { Config } from '../../lib/config/store';
import { requireAmm } from '../../lib/connectors/actions';
import { requireEvmConnector } from '../../lib/connectors/registry';
import { resolvePair, type PairRequest } from '../../lib/connectors/resolvePair';
import type { AmmContext, Wallet } from '../../lib/connectors/types';
import { getDb } from '../../lib/db/client';
import { runOnce, type IdempotentRequest } from '../../lib/idempotency';
import { PoolList } from '../../lib/pools/registry';
import { sendEvmTransaction } from '../../lib/signer/client';
import { TokenList } from '../../lib/tokens/registry';
import type { Amount, Side } from '../../schemas/amm';
import type { ConnectorsEnv } from './env';

/** A wallet whose transactions go through its signer; each transaction of a request gets its own idempotency key. */
export function signingWallet(env: ConnectorsEnv, network: EvmNetwork, address: Address, idempotencyKey?: string): Wallet {
  return {
    address,
    send: (request, kind) => sendEvmTransaction(env, address, { network, request, kind, idempotencyKey: idempotencyKey && `${idempotencyKey}:${kind}` }),
  };
}

/**
 * What an AMM request works with: the connector's actions and deployment on the network (400 when it
 * does not serve it), the token and pool lists (read together), and helpers for the request's pair,
 * slippage default, wallet and RPC error mapping.
 */
export async function ammRequest(env: ConnectorsEnv, config: Config, dex: string, networkName?: string) {
  const { chain } = requireEvmConnector(dex, 'amm');
  const network = config.network(chain, networkName);
  const { actions, dex: deployment } = requireAmm(dex, network.name);
  const db = getDb(env);
  const [tokens, pools] = await Promise.all([TokenList.load(db, config, chain, network.name), PoolList.load(db, chain, network.name)]);
  const context: AmmContext = { network, client: createEvmClient(network), tokens, dex: deployment };
  const pair = (request: PairRequest) => resolvePair(context, pools, { connector: dex, type: 'amm' }, request);
  const slippagePct = (given?: number) => given ?? config.connector(dex).slippagePct;
  const wallet = (given?: string, idempotency?: IdempotentRequest) => signingWallet(env, network, parseEvmAddress(config.wallet(chain, given), 'walletAddress'), idempotency?.key);
  /** Runs chain work, turning an RPC node's failure into a 429 or 503. */
  const rpc = <T>(work: () => Promise<T>) => withRpc(network, work);
  /** Runs a request that signs once per Idempotency-Key: a retry gets the first answer before any funds check. */
  const once = <T>(signer: Wallet, idempotency: IdempotentRequest | undefined, work: () => Promise<T>) =>
    runOnce(env, { chain, network: network.name, address: signer.address }, idempotency, () => rpc(work));
  return {
    actions,
    context,
    pair,
    slippagePct,
    wallet,
    rpc,
    once,
    /** A pool's info, as its route and /pools (for a pool's fee) answer it. */
    poolInfo: (request: PairRequest) => rpc(async () => actions.poolInfo(context, await pair(request))),
    /** A swap quote, as both the connector and the unified trading routes answer it. */
    quoteSwap: (request: SwapRequest) =>
      rpc(async () => actions.quoteSwap(context, { ...(await pair(request)), amount: request.amount, side: request.side, slippagePct: slippagePct(request.slippagePct) })),
    executeSwap: (request: SwapRequest & { walletAddress?: string }, idempotency?: IdempotentRequest) => {
      const signer = wallet(request.walletAddress, idempotency);
      return once(signer, idempotency, async () =>
        actions.executeSwap(context, { ...(await pair(request)), amount: request.amount, side: request.side, slippagePct: slippagePct(request.slippagePct), wallet: signer }),
      );
    },
  };
}

/** A swap as requests name it: the pool or pair, and what to trade. */
type SwapRequest = PairRequest & { amount: Amount; side: Side; slippagePct?: number };
