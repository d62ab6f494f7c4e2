const encoder = new TextEncoder();

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** An alert's delivery id without an Idempotency-Key: the SHA-256 of what it authenticated (`<t>.<body>` signed, else the body). */
export const deliveryIdOf = (signedContent: string): Promise<string> => sha256Hex(signedContent);

/**
 * The Idempotency-Key a delivery's trade is sent with: one per (webhook, delivery), so a queue
 * redelivery gets the first order or swap back instead of trading again.
 */
export async function tradeKeyOf(webhookId: string, deliveryId: string): Promise<string> {
  return `webhook-${await sha256Hex(`${webhookId}\n${deliveryId}`)}`;
}
