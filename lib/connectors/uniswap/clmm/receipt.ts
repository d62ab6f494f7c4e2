import { isAddressEqual, parseEventLogs, type Address, type Log, type PublicClient } from 'viem';
import type { EvmTransactionOutcome } from '../../../signer/types';
import { tokenDeltas } from '../../transfers';
import { positionManagerAbi } from './abi';
import type { Orientation } from './prices';

/** A mined position-manager transaction, read from its logs (the signer's, or the receipt's for a replayed outcome). */
export interface Mined {
  /** The wallet's balance changes, base then quote, in base units (negative = spent). */
  deltas: [bigint, bigint];
  /** The position manager's `eventName` events, in order. */
  events(eventName: 'IncreaseLiquidity' | 'DecreaseLiquidity'): { tokenId: bigint; liquidity: bigint; amount0: bigint; amount1: bigint }[];
}

export async function readMined(client: PublicClient, outcome: EvmTransactionOutcome, owner: Address, pair: Orientation, positionManager: Address): Promise<Mined> {
  const logs = (outcome.logs ?? (await client.getTransactionReceipt({ hash: outcome.hash })).logs) as Log[];
  const [baseDelta, quoteDelta] = await tokenDeltas(client, { hash: outcome.hash, logs }, owner, [pair.base, pair.quote]);
  return {
    deltas: [baseDelta, quoteDelta],
    events: (eventName) => parseEventLogs({ abi: positionManagerAbi, eventName, logs }).filter((log) => isAddressEqual(log.address, positionManager)).map((log) => log.args),
  };
}
