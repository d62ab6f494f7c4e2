import { createRoute, z } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { createApp } from '../../lib/app';
import { authenticate, isWebhookAlert, refuseDefaultCredentials } from './auth';
import { bodyLimit } from './body-limit';
import { docsAsset, docsPage } from './docs';
import type { EdgeEnv } from './env';
import { mergedDocument } from './openapi';
import { forward } from './proxy';
import { rateLimit } from './rate-limit';

const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** Alerts are small; the bound holds before the webhooks worker hashes or parses anything. */
const MAX_ALERT_BYTES = 64 * 1024;

const app = createApp<EdgeEnv>();

app.use(
  '*',
  cors({
    origin: (origin, c) => {
      const allowed = (c.env.CORS_ORIGINS ?? '').split(',').map((entry: string) => entry.trim()).filter(Boolean);
      if (allowed.includes(origin)) return origin;
      // Only a local development edge trusts any localhost page: deployed, a page on the user's
      // machine is no more trusted than any other origin.
      return c.env.ENVIRONMENT === 'development' && LOCAL_ORIGIN.test(origin) ? origin : null;
    },
    allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposeHeaders: ['X-Request-Id', 'Retry-After'],
    credentials: true,
  }),
);
app.use('*', refuseDefaultCredentials, (c, next) => {
  const maxSize = isWebhookAlert(c.req.path) ? MAX_ALERT_BYTES : Number(c.env.MAX_BODY_BYTES) || DEFAULT_MAX_BODY_BYTES;
  return bodyLimit(maxSize)(c, next);
});
app.use('*', rateLimit, authenticate);

app.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Health'],
    summary: 'Liveness (what Hummingbot pings)',
    responses: {
      200: {
        description: 'The gateway is up',
        content: { 'application/json': { schema: z.object({ status: z.literal('ok'), name: z.string(), version: z.string() }) } },
      },
    },
  }),
  (c) => c.json({ status: 'ok' as const, name: 'Colibri', version: '0.1.0' }, 200),
);

const document = async (c: Parameters<typeof mergedDocument>[1]) => c.json(await mergedDocument(app, c));
app.get('/openapi.json', document);
app.get('/docs/json', document);
app.get('/docs', docsPage);
app.get('/docs/assets/:file', docsAsset);
app.all('*', forward);

export default app;
