import { z } from '@hono/zod-openapi';

export const FieldIssueSchema = z.object({
  field: z.string().openapi({ example: 'amount' }),
  reason: z.string().openapi({ example: 'must be greater than 0' }),
});

/** The one error body every route answers with (Gateway reads `message`/`error`, hummingbot-api reads `detail`). */
export const ErrorSchema = z
  .object({
    statusCode: z.number().int().openapi({ example: 400 }),
    error: z.string().openapi({ example: 'Validation Error' }),
    message: z.string().openapi({ example: 'Invalid request: amount: must be greater than 0' }),
    detail: z.string().openapi({ example: 'Invalid request: amount: must be greater than 0' }),
    code: z.string().optional().openapi({ example: 'VALIDATION_ERROR' }),
    validation: z.array(FieldIssueSchema).optional(),
    requestId: z.string().optional(),
  })
  .openapi('Error');

/** Response entries for the errors every authenticated route can answer. */
export const commonErrorResponses = {
  400: { description: 'Invalid input: the field and the reason', content: { 'application/json': { schema: ErrorSchema } } },
  401: { description: 'Missing or wrong credentials', content: { 'application/json': { schema: ErrorSchema } } },
  413: { description: 'Request body larger than the limit (MAX_BODY_BYTES, 1 MB by default)', content: { 'application/json': { schema: ErrorSchema } } },
  500: { description: 'Unexpected error (no details leave the server)', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

export function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: ErrorSchema } } };
}
