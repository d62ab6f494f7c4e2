import { and, eq, sql } from 'drizzle-orm';
import type { Chain } from '../config/networks';
import { getDb } from '../db/client';
import { passphraseAttempts } from '../db/schema';
import type { RouterEnv } from '../env';
import { TooManyRequestsError } from '../errors';

type AttemptsEnv = Pick<RouterEnv, 'DATABASE_URL' | 'NEON_PROXY_URL'>;

/** Passphrase attempts allowed per wallet in one window; the next ones wait for the window to end. */
export const PASSPHRASE_ATTEMPTS = 5;
export const PASSPHRASE_WINDOW_SECONDS = 15 * 60;

/**
 * Counts one passphrase attempt on a wallet, in one statement (so concurrent attempts from any isolate
 * all count), and throws a 429 with the seconds to wait once the window's attempts are used up.
 * A correct passphrase clears the count (`clearPassphraseAttempts`), so only failures add up.
 */
export async function countPassphraseAttempt(env: AttemptsEnv, chain: Chain, addressKey: string): Promise<void> {
  const windowExpired = sql`${passphraseAttempts.windowStart} < now() - make_interval(secs => ${PASSPHRASE_WINDOW_SECONDS})`;
  const [row] = await getDb(env)
    .insert(passphraseAttempts)
    .values({ chain, addressKey, attempts: 1 })
    .onConflictDoUpdate({
      target: [passphraseAttempts.chain, passphraseAttempts.addressKey],
      set: {
        attempts: sql`case when ${windowExpired} then 1 else ${passphraseAttempts.attempts} + 1 end`,
        windowStart: sql`case when ${windowExpired} then now() else ${passphraseAttempts.windowStart} end`,
      },
    })
    .returning({
      attempts: passphraseAttempts.attempts,
      retryAfter: sql<number>`ceil(extract(epoch from ${passphraseAttempts.windowStart} + make_interval(secs => ${PASSPHRASE_WINDOW_SECONDS}) - now()))::int`,
    });
  if (row.attempts > PASSPHRASE_ATTEMPTS) {
    throw new TooManyRequestsError(`Too many wrong passphrases for this wallet: retry in ${row.retryAfter} s`, 'PASSPHRASE_ATTEMPTS_EXCEEDED', undefined, row.retryAfter);
  }
}

export async function clearPassphraseAttempts(env: AttemptsEnv, chain: Chain, addressKey: string): Promise<void> {
  await getDb(env)
    .delete(passphraseAttempts)
    .where(and(eq(passphraseAttempts.chain, chain), eq(passphraseAttempts.addressKey, addressKey)));
}
