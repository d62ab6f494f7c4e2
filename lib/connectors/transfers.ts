import { erc20Abi, isAddressEqual, parseEventLogs, type Address, type Log, type PublicClient } from 'viem';
import type { EvmTransactionOutcome } from '../signer/types';
import type { EvmToken } from '../chains/types';

/**
 * What a mined transaction did to `owner`'s balance of each token, in base units (negative = spent),
 * from the receipt's ERC-20 Transfer logs: the chain's own account of it, right for a retried
 * (idempotent) request too. The signer hands over the logs when it saw the receipt; only a replayed
 * outcome costs a receipt read.
 */
export async function tokenDeltas(client: PublicClient, outcome: Pick<EvmTransactionOutcome, 'hash' | 'logs'>, owner: Address, tokens: EvmToken[]): Promise<bigint[]> {
  // parseEventLogs reads only address, topics and data, which the signer's logs carry.
  const logs = outcome.logs ?? (await client.getTransactionReceipt({ hash: outcome.hash })).logs;
  const transfers = parseEventLogs({ abi: erc20Abi, eventName: 'Transfer', logs: logs as Log[] });
  return tokens.map((token) =>
    transfers
      .filter((log) => isAddressEqual(log.address, token.address))
      .reduce((sum, { args }) => sum + (isAddressEqual(args.to, owner) ? args.value : 0n) - (isAddressEqual(args.from, owner) ? args.value : 0n), 0n),
  );
}
