// Client order ids in Hummingbot's style (`x-` + broker tag + side + a random part), within Binance's
// newClientOrderId rules (at most 36 characters of [.A-Z:/a-z0-9_-]) and those of the other exchanges.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_CHARS = 26;

/** A new client order id, e.g. `x-CLBB7Q2M...` (32 characters; 130 random bits). */
export function newClientOrderId(tradeType: 'BUY' | 'SELL'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(RANDOM_CHARS));
  let random = '';
  for (const byte of bytes) random += ALPHABET[byte & 31];
  return `x-CLB${tradeType === 'BUY' ? 'B' : 'S'}${random}`;
}
