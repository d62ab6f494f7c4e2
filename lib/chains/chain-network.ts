import { BadRequestError, quoteInput } from '../errors';
import { CHAINS, isChain, type Chain } from '../config/chains';

/**
 * Resolves the two ways a client names a network: `chain` + `network`, or `chainNetwork`
 * (`solana-mainnet-beta`: the chain is the part before the first dash).
 */
export function resolveChainNetwork(input: { chain?: Chain; network?: string; chainNetwork?: string }): { chain?: Chain; network?: string } {
  if (!input.chainNetwork) return { chain: input.chain, network: input.network };
  const dash = input.chainNetwork.indexOf('-');
  const chain = input.chainNetwork.slice(0, dash);
  const network = input.chainNetwork.slice(dash + 1);
  if (!isChain(chain)) throw new BadRequestError(`chainNetwork: '${input.chainNetwork}' names no chain (${CHAINS.join(', ')})`, 'VALIDATION_ERROR');
  if ((input.chain && input.chain !== chain) || (input.network && input.network !== network)) {
    throw new BadRequestError(`chainNetwork ${quoteInput(input.chainNetwork)} contradicts chain/network ${quoteInput(`${input.chain}/${input.network}`)}`);
  }
  return { chain, network };
}
