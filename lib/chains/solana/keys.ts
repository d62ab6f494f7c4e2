import { Keypair } from '@solana/web3.js';
import bs58 from 'bs58';
import { invalidPrivateKey, type WalletKey } from '../../wallets/keys';

/** Base58 of the 64-byte secret key (Phantom's and Gateway's form) and the address it controls. */
export function parseSolanaPrivateKey(privateKey: string): WalletKey {
  const key = privateKey.trim();
  // The longest key form is base58 of 64 bytes (88 characters): bound it before decoding.
  if (key.length > 90) throw invalidPrivateKey(key);
  try {
    const bytes = bs58.decode(key);
    if (bytes.length !== 64) throw new Error('not a 64-byte secret key');
    return { address: Keypair.fromSecretKey(bytes).publicKey.toBase58(), privateKey: key };
  } catch {
    throw invalidPrivateKey(key);
  }
}

export function generateSolanaKey(): WalletKey {
  const keypair = Keypair.generate();
  return { address: keypair.publicKey.toBase58(), privateKey: bs58.encode(keypair.secretKey) };
}
