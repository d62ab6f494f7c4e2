import type { Connection } from '@solana/web3.js';
import type { SolanaNetwork } from '../client';

export type GetStatusReturnType = {
  chain: 'solana';
  network: string;
  rpcUrl: string;
  rpcProvider: string;
  currentBlockNumber: number;
  nativeCurrency: string;
  swapProvider: string;
};

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
