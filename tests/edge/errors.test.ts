import { createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../lib/app';
import { api } from '../support/http';

describe('the error shape', () => {
  it('answers unknown routes with a JSON 404, authenticated or not in the edge', async () => {
    const response = await api('/no/such/route');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404, error: 'NotFoundError', message: 'Route GET:/no/such/route not found' });
    const inRouter = await api('/chains/no-such-action');
    expect(inRouter.status).toBe(404);
    expect(await inRouter.json()).toMatchObject({ statusCode: 404, error: 'NotFoundError' });
  });

  it('names each invalid field and its reason in a 400', async () => {
    const response = await api('/bot-orchestration/commands', { body: { bot_name: 'bad name!', command: 'dance' } });
    expect(response.status).toBe(400);
    const body = await response.json<{ error: string; message: string; detail: string; validation: { field: string; reason: string }[] }>();
    expect(body.error).toBe('Validation Error');
    expect(body.validation.map((issue) => issue.field).sort()).toEqual(['bot_name', 'command']);
    expect(body.message).toContain('bot_name: only letters, digits, _ and -');
    expect(body.detail).toBe(body.message);
  });

  it('answers a body that is not JSON with a 400, not a 500', async () => {
    const response = await api('/bot-orchestration/commands', { body: '{not json' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ statusCode: 400 });
  });

  it('hides the details of an unexpected error', async () => {
    const app = createApp<object>();
    app.openapi(
      createRoute({ method: 'get', path: '/boom', responses: { 200: { description: 'never', content: { 'application/json': { schema: z.object({}) } } } } }),
      () => {
        throw new Error('connection string postgres://user:secret@db');
      },
    );
    const response = await app.request('/boom');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ statusCode: 500, error: 'Internal Server Error', message: 'An unexpected error occurred' });
    expect(text).not.toContain('secret');
    expect(text).not.toContain('at ');
  });
});
