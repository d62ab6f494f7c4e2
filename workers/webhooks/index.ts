import { bodyLimit } from 'hono/body-limit';
import { createWorkerApp } from '../../lib/app';
import { BadRequestError } from '../../lib/errors';
import { mountHealth } from '../../lib/health';
import type { TradeSignal } from '../../schemas/webhooks';
import { consumeQueue } from './consumer';
import type { WebhooksEnv } from './env';
import * as hookHandlers from './hooks.handlers';
import * as hookRoutes from './hooks.routes';
import { queueUnqueuedDeliveries } from './sweep';
import * as webhookHandlers from './webhooks.handlers';
import * as webhookRoutes from './webhooks.routes';

const app = createWorkerApp<WebhooksEnv>({ name: 'webhooks', description: 'Webhook-triggered trades: signed, idempotent alerts that place exchange orders or DEX swaps through the trade-signals queue.' });
mountHealth(app, 'webhooks', '/webhooks', 'Webhooks');

// Webhook settings are small; alert bodies are bounded by their handler (64 KB, a 413 as the edge answers).
const MAX_BODY_BYTES = 16 * 1024;
app.use(
  '/webhooks/*',
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new BadRequestError(`Request body too large (limit ${MAX_BODY_BYTES} bytes)`, 'BODY_TOO_LARGE');
    },
  }),
);

app
  .openapi(webhookRoutes.createWebhook, webhookHandlers.createWebhook)
  .openapi(webhookRoutes.listWebhooks, webhookHandlers.listWebhooks)
  .openapi(webhookRoutes.getWebhook, webhookHandlers.getWebhook)
  .openapi(webhookRoutes.updateWebhook, webhookHandlers.updateWebhook)
  .openapi(webhookRoutes.deleteWebhook, webhookHandlers.deleteWebhook)
  .openapi(webhookRoutes.rotateSecret, webhookHandlers.rotateSecret)
  .openapi(webhookRoutes.listDeliveries, webhookHandlers.listDeliveriesHandler)
  .openapi(hookRoutes.deliver, hookHandlers.deliver);

export default {
  fetch: app.fetch,
  queue: consumeQueue,
  scheduled: async (_controller, env, ctx) => ctx.waitUntil(queueUnqueuedDeliveries(env)),
} satisfies ExportedHandler<WebhooksEnv, TradeSignal>;
