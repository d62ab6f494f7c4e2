import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { invalidPrivateKey, type WalletKey } from '../../wallets/keys';

/** A 0x-hex private key (32 bytes; the 0x may be omitted) and the address it controls. */
export function parseEvmPrivateKey(privateKey: string): WalletKey {
  const key = privateKey.trim();
  const hex = (key.startsWith('0x') ? key : `0x${key}`) as `0x${string}`;
  if (!/^0x[0-9a-fA-F]{64}$/.test(hex)) throw invalidPrivateKey(key);
  try {
    return { address: privateKeyToAccount(hex).address, privateKey: hex };
  } catch {
    // Out of the curve's range (zero, or above its order).
    throw invalidPrivateKey(key);
  }
}

export function generateEvmKey(): WalletKey {
  const privateKey = generatePrivateKey();
  return { address: privateKeyToAccount(privateKey).address, privateKey };
}
