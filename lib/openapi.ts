import { z } from '@hono/zod-openapi';
import { errorResponse } from '../schemas/errors';

// Building blocks of route declarations (createRoute) shared by the router workers.

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

export const idempotencyHeader = z.object({
  'idempotency-key': z.string().max(200).optional().openapi({ description: 'A retry with the same key returns the first transaction instead of sending another' }),
});

export const rpcErrors = {
  429: errorResponse('The RPC node rate-limited the request (named in the message)'),
  503: errorResponse('The RPC node is unreachable'),
};
