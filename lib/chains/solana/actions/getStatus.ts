import type { Connection } from '@solana/web3.js';
import type { SolanaNetwork } from '../client';
import type { StatusResponse } from '../../../../schemas/chains';

export type GetStatusReturnType = StatusResponse & { chain: 'solana' };

/** The network's identity and its current slot at `processed`, as Gateway reports it (one RPC request). */
export async function getStatus(connection: Connection, network: SolanaNetwork, rpcProvider: string): Promise<GetStatusReturnType> {
  const slot = await connection.getSlot('processed');
  return {
    chain: 'solana',
    network: network.name,
    rpcUrl: new URL(network.nodeURL).origin,
    rpcProvider,
    currentBlockNumber: slot,
    nativeCurrency: network.nativeCurrencySymbol,
    swapProvider: network.swapProvider ?? '',
  };
}
