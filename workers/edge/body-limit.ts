import type { MiddlewareHandler } from 'hono';
import { PayloadTooLargeError } from '../../lib/errors';

/**
 * Bounds a request body before anything parses it: a Content-Length over `maxSize` is refused at once;
 * a body without one (chunked) is counted as it arrives and refused once it passes the limit, holding
 * no more than `maxSize` bytes. Unlike hono's bodyLimit, the rest of a cut stream is read and dropped
 * before the 413: answering a half-read chunked body broke the connection behind it in `wrangler dev`
 * (the answer hung, or the next request got a 503); Cloudflare bounds how much a client can send.
 */
export function bodyLimit(maxSize: number): MiddlewareHandler {
  const tooLarge = () => new PayloadTooLargeError(`Request body larger than ${maxSize} bytes`, 'PAYLOAD_TOO_LARGE');
  return async (c, next) => {
    const body = c.req.raw.body;
    if (!body) return next();
    const declared = c.req.raw.headers.get('content-length');
    if (declared !== null && !c.req.raw.headers.has('transfer-encoding')) {
      if (Number(declared) > maxSize) {
        await body.cancel();
        throw tooLarge();
      }
      return next();
    }
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxSize) {
        while (!(await reader.read()).done) {
          // dropped: only the count mattered
        }
        throw tooLarge();
      }
      chunks.push(value);
    }
    const whole = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      whole.set(chunk, offset);
      offset += chunk.length;
    }
    c.req.raw = new Request(c.req.raw, { body: whole });
    return next();
  };
}
