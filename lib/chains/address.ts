import bs58 from 'bs58';
import { getAddress, isAddress, type Address } from 'viem';
import { BadRequestError, quoteInput } from '../errors';

/**
 * An EVM address in its EIP-55 form. All-lower or all-upper hex carries no checksum and is accepted;
 * mixed case must be the correct checksum (a typo in a mixed-case address is caught here).
 */
export function parseEvmAddress(value: string, field: string, options: { requireChecksum?: boolean } = {}): Address {
  if (value.length !== 42) throw new BadRequestError(`${field}: ${quoteInput(value)} is not an Ethereum address (0x and 40 hex digits)`, 'INVALID_ADDRESS');
  if (!/^0x[0-9a-fA-F]{40}$/.test(value)) throw new BadRequestError(`${field}: ${quoteInput(value)} is not an Ethereum address (0x and 40 hex digits)`, 'INVALID_ADDRESS');
  const checksummed = getAddress(value);
  const unchecked = value.slice(2) === value.slice(2).toLowerCase() || value.slice(2) === value.slice(2).toUpperCase();
  if (value !== checksummed && (options.requireChecksum || !unchecked || !isAddress(value))) {
    throw new BadRequestError(`${field}: Invalid Ethereum address checksum. Expected: ${checksummed}`, 'INVALID_ADDRESS_CHECKSUM');
  }
  return checksummed;
}

/** A Solana address: base58 of 32 bytes (checked with bs58 alone, keeping web3.js out of bundles that only read). */
export function parseSolanaAddress(value: string, field: string): string {
  // base58 decoding is quadratic: bound the length (32 bytes are 32-44 characters) before decoding.
  if (value.length < 32 || value.length > 44) throw new BadRequestError(`${field}: ${quoteInput(value)} is not a Solana address (base58 of 32 bytes)`, 'INVALID_ADDRESS');
  let bytes: Uint8Array | undefined;
  try {
    bytes = bs58.decode(value);
  } catch {
    bytes = undefined;
  }
  if (bytes?.length !== 32) throw new BadRequestError(`${field}: ${quoteInput(value)} is not a Solana address (base58 of 32 bytes)`, 'INVALID_ADDRESS');
  return value;
}
