import { constantTimeEqual } from '../crypto';

/** How far an alert's signed timestamp may be from now, either way: older ones are replays. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export const SIGNATURE_HEADER = 'x-colibri-signature';

const encoder = new TextEncoder();

/** Hex HMAC-SHA256 of `<t>.<raw body>` under the webhook's secret. */
export async function signPayload(secret: string, timestamp: number, body: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`${timestamp}.${body}`));
  return [...new Uint8Array(mac)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The `X-Colibri-Signature` value for `body` signed at `timestamp` (unix seconds). */
export async function signatureHeader(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): Promise<string> {
  return `t=${timestamp},v1=${await signPayload(secret, timestamp, body)}`;
}

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: string };

/**
 * Checks `t=<unix seconds>,v1=<hex>` against the body: the timestamp within the tolerance of `now`,
 * and one of the `v1` signatures (several while a sender rolls its secret) equal, compared in constant time.
 */
export async function verifySignature(header: string | undefined, secret: string, body: string, now = Date.now()): Promise<SignatureCheck> {
  if (!header) return { ok: false, reason: 'Missing X-Colibri-Signature header' };
  const parts = header.split(',').map((part) => part.trim().split('=', 2) as [string, string | undefined]);
  const timestampText = parts.find(([name]) => name === 't')?.[1];
  const signatures = parts.filter(([name, value]) => name === 'v1' && value).map(([, value]) => value!);
  if (!timestampText || !/^\d{1,12}$/.test(timestampText) || signatures.length === 0) {
    return { ok: false, reason: 'Malformed X-Colibri-Signature header: expected t=<unix seconds>,v1=<hex HMAC-SHA256>' };
  }
  const timestamp = Number(timestampText);
  if (Math.abs(now / 1000 - timestamp) > SIGNATURE_TOLERANCE_SECONDS) {
    return { ok: false, reason: `Signature timestamp outside the ${SIGNATURE_TOLERANCE_SECONDS} s tolerance` };
  }
  const expected = await signPayload(secret, timestamp, body);
  for (const signature of signatures) if (await constantTimeEqual(signature.toLowerCase(), expected)) return { ok: true, timestamp };
  return { ok: false, reason: 'Signature does not match' };
}
