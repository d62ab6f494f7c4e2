// listenKeys of the user data streams (POST/PUT/DELETE /api/v3/userDataStream and /fapi/v1/listenKey):
// 60 characters, valid 60 minutes unless kept alive, one per account and venue as Binance hands out.
import { randomBytes } from 'node:crypto';
import { BinanceError } from './errors';

const VALIDITY_MS = 60 * 60_000;

interface ListenKey {
  owner: string;
  venue: 'spot' | 'futures';
  expires: number;
}

export class ListenKeys {
  private readonly keys = new Map<string, ListenKey>();

  constructor(private readonly clock: () => number) {}

  /** An account's open key is returned again (and extended) rather than a second one. */
  create(owner: string, venue: 'spot' | 'futures'): string {
    const now = this.clock();
    for (const [key, entry] of this.keys) {
      if (entry.owner === owner && entry.venue === venue && entry.expires > now) {
        entry.expires = now + VALIDITY_MS;
        return key;
      }
    }
    const key = randomBytes(45).toString('base64').replace(/[^a-zA-Z0-9]/g, '').padEnd(60, '0').slice(0, 60);
    this.keys.set(key, { owner, venue, expires: now + VALIDITY_MS });
    return key;
  }

  keepAlive(owner: string, key: string): Record<string, never> {
    const entry = this.find(owner, key);
    entry.expires = this.clock() + VALIDITY_MS;
    return {};
  }

  close(owner: string, key: string): Record<string, never> {
    this.find(owner, key);
    this.keys.delete(key);
    return {};
  }

  /** The key's account and venue, if it is open. */
  resolve(key: string): { owner: string; venue: 'spot' | 'futures' } | undefined {
    const entry = this.keys.get(key);
    return entry && entry.expires > this.clock() ? entry : undefined;
  }

  /** For futures, Binance also accepts keep-alive without the key: the account's open key. */
  keyOf(owner: string, venue: 'spot' | 'futures'): string | undefined {
    for (const [key, entry] of this.keys) if (entry.owner === owner && entry.venue === venue && entry.expires > this.clock()) return key;
    return undefined;
  }

  private find(owner: string, key: string): ListenKey {
    const entry = this.keys.get(key);
    if (!entry || entry.owner !== owner || entry.expires <= this.clock()) throw new BinanceError(-1125, 'This listenKey does not exist.');
    return entry;
  }
}
