import { parseEvmAddress } from '../../lib/chains/address';
import { createEvmClient, withRpc } from '../../lib/chains/ethereum/client';
import type { Config } from '../../lib/config/store';
import { requireClmm } from '../../lib/connectors/actions';
import { requireEvmConnector } from '../../lib/connectors/registry';
import { resolvePair, type PairRequest } from '../../lib/connectors/resolvePair';
import type { ClmmContext, Wallet } from '../../lib/connectors/types';
import { getDb } from '../../lib/db/client';
import { runOnce, type IdempotentRequest } from '../../lib/idempotency';
import { PoolList } from '../../lib/pools/registry';
import { TokenList } from '../../lib/tokens/registry';
import type { Amount, Side } from '../../schemas/amm';
import { signingWallet } from './amm';
import type { ConnectorsEnv } from './env';

/** What requests name, as both the connector routes and the unified trading routes take it. */
type Signed = { walletAddress?: string };
type Amounts = { baseTokenAmount?: Amount; quoteTokenAmount?: Amount };
type RangeRequest = PairRequest & Amounts & { lowerPrice: number; upperPrice: number };
type PositionRequest = Signed & { positionAddress: string };
type SwapRequest = PairRequest & { amount: Amount; side: Side; slippagePct?: number };

/**
 * What a CLMM request works with: the connector's V3 deployment on the network (400 when it does not
 * serve it), the token and pool lists (read together), and each action as the routes call it, with
 * the connector's default slippage, the signing wallet (one idempotency key per request) and RPC
 * failures mapped to 429/503.
 */
export async function clmmRequest(env: ConnectorsEnv, config: Config, dex: string, networkName?: string) {
  const { chain } = requireEvmConnector(dex, 'clmm');
  const network = config.network(chain, networkName);
  const { actions, dex: deployment } = requireClmm(dex, network.name);
  const db = getDb(env);
  const [tokens, pools] = await Promise.all([TokenList.load(db, config, chain, network.name), PoolList.load(db, chain, network.name)]);
  const listing = { connector: dex, type: 'clmm' } as const;
  const context: ClmmContext = { network, client: createEvmClient(network), tokens, dex: deployment, pools: pools.find(listing) };
  const pair = (request: PairRequest) => resolvePair(context, pools, listing, request);
  const slippagePct = (given?: number) => given ?? config.connector(dex).slippagePct;
  const wallet = (given?: string, idempotency?: IdempotentRequest) => signingWallet(env, network, parseEvmAddress(config.wallet(chain, given), 'walletAddress'), idempotency?.key);
  const rpc = <T>(work: () => Promise<T>) => withRpc(network, work);
  /** Runs a request that signs, once per Idempotency-Key, with the wallet it names. */
  const signed = <T>(given: string | undefined, idempotency: IdempotentRequest | undefined, work: (signer: Wallet) => Promise<T>) => {
    const signer = wallet(given, idempotency);
    return runOnce(env, { chain, network: network.name, address: signer.address }, idempotency, () => rpc(() => work(signer)));
  };
  const swap = async (request: SwapRequest) => ({ ...(await pair(request)), amount: request.amount, side: request.side, slippagePct: slippagePct(request.slippagePct) });
  const range = async (request: RangeRequest) => ({ ...(await pair(request)), ...request });
  return {
    context,
    poolInfo: (request: PairRequest) => rpc(async () => actions.poolInfo(context, await pair(request))),
    positionInfo: (request: { positionAddress: string }) => rpc(() => actions.positionInfo(context, request.positionAddress)),
    positionsOwned: (request: Signed) => rpc(() => actions.positionsOwned(context, wallet(request.walletAddress).address)),
    quotePosition: (request: RangeRequest) => rpc(async () => actions.quotePosition(context, await range(request))),
    quoteSwap: (request: SwapRequest) => rpc(async () => actions.quoteSwap(context, await swap(request))),
    executeSwap: (request: SwapRequest & Signed, idempotency?: IdempotentRequest) =>
      signed(request.walletAddress, idempotency, async (signer) => actions.executeSwap(context, { ...(await swap(request)), wallet: signer })),
    openPosition: (request: RangeRequest & Signed & { slippagePct?: number }, idempotency?: IdempotentRequest) =>
      signed(request.walletAddress, idempotency, async (signer) =>
        actions.openPosition(context, { ...(await range(request)), slippagePct: slippagePct(request.slippagePct), wallet: signer }),
      ),
    addLiquidity: (request: PositionRequest & Amounts & { slippagePct?: number }, idempotency?: IdempotentRequest) =>
      signed(request.walletAddress, idempotency, (signer) => actions.addLiquidity(context, { ...request, slippagePct: slippagePct(request.slippagePct), wallet: signer })),
    removeLiquidity: (request: PositionRequest & { percentageToRemove: number }, idempotency?: IdempotentRequest) =>
      signed(request.walletAddress, idempotency, (signer) => actions.removeLiquidity(context, { ...request, slippagePct: slippagePct(), wallet: signer })),
    collectFees: (request: PositionRequest, idempotency?: IdempotentRequest) =>
      signed(request.walletAddress, idempotency, (signer) => actions.collectFees(context, { ...request, wallet: signer })),
    closePosition: (request: PositionRequest, idempotency?: IdempotentRequest) =>
      signed(request.walletAddress, idempotency, (signer) => actions.closePosition(context, { ...request, slippagePct: slippagePct(), wallet: signer })),
  };
}
