import type { PublicClient } from 'viem';
import type { EvmNetwork } from '../client';
import type { StatusResponse } from '../../../../schemas/chains';

export type GetStatusReturnType = StatusResponse & { chain: 'ethereum' };

/** The network's identity and its latest block number (one RPC request). */
export async function getStatus(client: PublicClient, network: EvmNetwork, rpcProvider: string): Promise<GetStatusReturnType> {
  const block = await client.getBlockNumber({ cacheTime: 0 });
  return {
    chain: 'ethereum',
    network: network.name,
    rpcUrl: new URL(network.nodeURL).origin,
    rpcProvider,
    currentBlockNumber: Number(block),
    nativeCurrency: network.nativeCurrencySymbol,
    swapProvider: network.swapProvider ?? '',
  };
}
