import { z } from '@hono/zod-openapi';
import { errorResponse } from '../schemas/errors';

// Building blocks of route declarations (createRoute) shared by the router workers.

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

export const idempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/, 'must be 1-255 visible ASCII characters')
    .optional()
    .openapi({
      description:
        'A retry with the same key and the same request gets the first answer instead of sending another transaction; ' +
        'the key with a different request (another route, body or wallet field) is a 409. Keys are per wallet and network.',
    }),
});

export const rpcErrors = {
  429: errorResponse('The RPC node rate-limited the request (named in the message)'),
  503: errorResponse('The RPC node is unreachable'),
};

/** The answer of every route that takes an Idempotency-Key to that key sent with another request. */
export const idempotencyConflict = {
  409: errorResponse('Idempotency-Key reused with a different request'),
};
