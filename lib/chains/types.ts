import type { Address } from 'viem';
import type { Chain } from '../config/chains';
import type { Token } from '../../schemas/tokens';

/** How each chain's addresses are typed inside Colibri. */
interface Addresses {
  ethereum: Address;
  solana: string;
}

export type AddressOf<C extends Chain> = Addresses[C];

/** A listed token of chain `C`: its address typed once, when its list is loaded (lib/tokens/registry.ts). */
export type ChainToken<C extends Chain> = Omit<Token, 'address'> & { address: AddressOf<C> };

export type EvmToken = ChainToken<'ethereum'>;
