import { erc20Abi, isAddressEqual, parseEventLogs, type Address, type Hash, type PublicClient } from 'viem';
import type { Token } from '../../schemas/tokens';

/**
 * What a mined transaction did to `owner`'s balance of each token, in base units (negative = spent),
 * from the receipt's ERC-20 Transfer logs: the chain's own account of it, right for a retried
 * (idempotent) request too.
 */
export async function tokenDeltas(client: PublicClient, hash: Hash, owner: Address, tokens: Token[]): Promise<bigint[]> {
  const receipt = await client.getTransactionReceipt({ hash });
  const transfers = parseEventLogs({ abi: erc20Abi, eventName: 'Transfer', logs: receipt.logs });
  return tokens.map((token) =>
    transfers
      .filter((log) => isAddressEqual(log.address, token.address as Address))
      .reduce((sum, { args }) => sum + (isAddressEqual(args.to, owner) ? args.value : 0n) - (isAddressEqual(args.from, owner) ? args.value : 0n), 0n),
  );
}
