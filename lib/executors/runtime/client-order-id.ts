// An executor's client order ids: derived from (executor id, order number), so the same decision sent
// again (a retry, a restart) carries the same id and the exchange sees one order. Within Binance's rule
// (at most 36 characters of [.A-Z:/a-z0-9_-]): `x-CLE` + 16 characters of the executor id's digest +
// the order number in base 36.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The 16-character tag of an executor's orders (80 bits of the SHA-256 of its id). */
export async function executorOrderTag(executorId: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(executorId)));
  let tag = '';
  for (let i = 0; i < 16; i++) tag += ALPHABET[digest[i] & 31];
  return `x-CLE${tag}`;
}

export function executorClientOrderId(tag: string, orderNumber: number): string {
  return `${tag}${orderNumber.toString(36).toUpperCase()}`;
}
