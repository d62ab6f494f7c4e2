import { Keypair } from '@solana/web3.js';
import bs58 from 'bs58';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import type { Chain } from '../config/networks';
import { BadRequestError } from '../errors';

/** A private key in the form Gateway takes it, and the address it controls. */
export interface WalletKey {
  address: string;
  privateKey: string;
}

/** EVM: 0x-hex (32 bytes). Solana: base58 of the 64-byte secret key. */
export function parsePrivateKey(chain: Chain, privateKey: string): WalletKey {
  const key = privateKey.trim();
  try {
    // The longest key form is base58 of 64 bytes (88 characters): bound it before decoding.
    if (key.length > 90) throw new Error('too long for a private key');
    if (chain === 'ethereum') {
      const hex = (key.startsWith('0x') ? key : `0x${key}`) as `0x${string}`;
      if (!/^0x[0-9a-fA-F]{64}$/.test(hex)) throw new Error('not 32 bytes of hex');
      return { address: privateKeyToAccount(hex).address, privateKey: hex };
    }
    const bytes = bs58.decode(key);
    if (bytes.length !== 64) throw new Error('not a 64-byte secret key');
    return { address: Keypair.fromSecretKey(bytes).publicKey.toBase58(), privateKey: key };
  } catch {
    // Never echo a key back whole: the first characters are enough to recognise a typo.
    throw new BadRequestError(`Unable to retrieve wallet address for provided private key: ${key.slice(0, 5)}...`, 'INVALID_PRIVATE_KEY');
  }
}

export function generateKey(chain: Chain): WalletKey {
  if (chain === 'ethereum') {
    const privateKey = generatePrivateKey();
    return { address: privateKeyToAccount(privateKey).address, privateKey };
  }
  const keypair = Keypair.generate();
  return { address: keypair.publicKey.toBase58(), privateKey: bs58.encode(keypair.secretKey) };
}
