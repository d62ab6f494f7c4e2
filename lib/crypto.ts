import { ServiceUnavailableError } from './errors';

/**
 * Encryption at rest: AES-256-GCM (Web Crypto) under a key derived from the `MASTER_KEY` secret.
 * A sealed value is `v1.<iv>.<ciphertext>` (base64url); the associated data binds it to its owner
 * (e.g. a wallet address), so a ciphertext copied onto another row does not open.
 */
export class DecryptionError extends Error {
  constructor() {
    super('The secret could not be decrypted: wrong key, or the ciphertext was altered');
  }
}

export interface SecretBox {
  seal(plaintext: string, associatedData?: string): Promise<string>;
  open(sealed: string, associatedData?: string): Promise<string>;
}

const VERSION = 'v1';
const PBKDF2_ITERATIONS = 100_000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

// PBKDF2 makes a passphrase usable as the root; the derived key is cached per isolate so the cost
// is paid once, not per request (Gateway re-derives a scrypt keystore on every call).
const keyCache = new Map<string, Promise<CryptoKey>>();

async function deriveKey(masterKey: string, purpose: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(masterKey), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(`colibri/${purpose}`), iterations: PBKDF2_ITERATIONS },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

async function cachedKey(masterKey: string, purpose: string): Promise<CryptoKey> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(`${purpose}\0${masterKey}`)));
  const cacheKey = toBase64Url(digest);
  let key = keyCache.get(cacheKey);
  if (!key) {
    key = deriveKey(masterKey, purpose);
    keyCache.set(cacheKey, key);
    key.catch(() => keyCache.delete(cacheKey));
  }
  return key;
}

/** A box for one purpose (`wallets`, `exchange-credentials`, ...): separate purposes get separate keys. */
export function createSecretBox(masterKey: string | undefined, purpose: string): SecretBox {
  if (!masterKey) throw new ServiceUnavailableError('Encryption is not configured: set the MASTER_KEY secret');
  const additional = (associatedData?: string) => (associatedData === undefined ? {} : { additionalData: encoder.encode(associatedData) });
  return {
    async seal(plaintext, associatedData) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const key = await cachedKey(masterKey, purpose);
      const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, ...additional(associatedData) }, key, encoder.encode(plaintext));
      return `${VERSION}.${toBase64Url(iv)}.${toBase64Url(new Uint8Array(ciphertext))}`;
    },
    async open(sealed, associatedData) {
      const [version, iv, ciphertext] = sealed.split('.');
      if (version !== VERSION || !iv || !ciphertext) throw new DecryptionError();
      const key = await cachedKey(masterKey, purpose);
      try {
        const plaintext = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: fromBase64Url(iv), ...additional(associatedData) },
          key,
          fromBase64Url(ciphertext),
        );
        return decoder.decode(plaintext);
      } catch {
        throw new DecryptionError();
      }
    },
  };
}

/** Constant-time string comparison: both sides are hashed first so their lengths leak nothing either. */
export async function constantTimeEqual(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([crypto.subtle.digest('SHA-256', encoder.encode(given)), crypto.subtle.digest('SHA-256', encoder.encode(expected))]);
  return crypto.subtle.timingSafeEqual(a, b);
}
