import type { Address } from 'viem';
import { parseEvmAddress } from '../chains/address';
import type { EvmNetwork } from '../chains/ethereum/client';
import { BadRequestError } from '../errors';
import { CONNECTOR_REGISTRY } from './registry';

/** Connector aliases (`uniswap/amm`, ...) to the contract that spends a wallet's tokens on a network. */
export const SPENDER_ALIASES: Record<string, (network: EvmNetwork) => Address | undefined> = Object.fromEntries(
  Object.entries(CONNECTOR_REGISTRY).flatMap(([name, connector]) =>
    connector.amm ? [[`${name}/amm`, (network: EvmNetwork) => connector.amm!.networks[network.name]?.router]] : [],
  ),
);

/** A spender given as a 0x address or as a connector alias; a 400 when it is neither. */
export function resolveSpender(network: EvmNetwork, spender: string): Address {
  if (spender.startsWith('0x')) return parseEvmAddress(spender, 'spender');
  const address = SPENDER_ALIASES[spender]?.(network);
  if (!address) {
    const known = Object.keys(SPENDER_ALIASES);
    throw new BadRequestError(`Invalid spender: ${spender}${known.length ? ` (known: ${known.join(', ')})` : ''} on ethereum-${network.name}`, 'INVALID_SPENDER');
  }
  return address;
}
