import { formatEther, TransactionReceiptNotFoundError, type PublicClient, type TransactionReceipt } from 'viem';
import { createEvmClient } from '../../lib/chains/ethereum/client';
import { Config } from '../../lib/config/store';
import type { Db } from '../../lib/db/client';
import { TokenList } from '../../lib/tokens/registry';
import type { ConfigEnv } from '../../lib/config/store';
import type { RouterEnv } from '../../lib/env';
import { parseNetworkId } from './naming';

/** A transaction the chain has not seen this long after it was recorded is failed: it was dropped. */
export const MAX_PENDING_MS = 60 * 60 * 1000;
/** What the follower needs of one network: its client, native currency and token list. */
export interface NetworkReader {
  client: PublicClient;
  gasToken: string;
  tokens: TokenList<'ethereum'>;
  /** The receipt, or null while the chain has not mined it. */
  receipt(hash: string): Promise<TransactionReceipt | null>;
}

/** What following transactions needs of a worker: the database and the config. */
export type ReaderEnv = RouterEnv & ConfigEnv;

/** One reader per `chain-network` named by the rows, sharing one config load. */
export function networkReaders(env: ReaderEnv, db: Db) {
  let config: Promise<Config> | undefined;
  const readers = new Map<string, Promise<NetworkReader | undefined>>();
  return (networkId: string) => {
    if (!readers.has(networkId)) {
      readers.set(
        networkId,
        (async () => {
          const { chain, network } = parseNetworkId(networkId);
          // Solana swaps are refused by the connectors before anything is recorded.
          if (chain !== 'ethereum') return undefined;
          config ??= Config.load(env);
          const evm = (await config).network('ethereum', network);
          const client = createEvmClient(evm);
          const tokens = await TokenList.load(db, await config, 'ethereum', network);
          const receipt = (hash: string) =>
            client.getTransactionReceipt({ hash: hash as `0x${string}` }).catch((error) => {
              if (error instanceof TransactionReceiptNotFoundError) return null;
              throw error;
            });
          return { client, gasToken: evm.nativeCurrencySymbol, tokens, receipt };
        })(),
      );
    }
    return readers.get(networkId)!;
  };
}

/** The gas a mined transaction paid, in the native currency, exactly. */
export function gasFee(receipt: TransactionReceipt): string {
  return formatEther(receipt.gasUsed * receipt.effectiveGasPrice);
}
