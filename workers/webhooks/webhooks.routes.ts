import { createRoute, z } from '@hono/zod-openapi';
import { json, jsonBody } from '../../lib/openapi';
import { MessageResponseSchema } from '../../schemas/accounts';
import { commonErrorResponses, errorResponse } from '../../schemas/errors';
import {
  CreateWebhookSchema,
  DeliveriesQuerySchema,
  DeliverySchema,
  UpdateWebhookSchema,
  WebhookIdPathSchema,
  WebhookSchema,
  WebhookSecretSchema,
} from '../../schemas/webhooks';

const tags = ['Webhooks'];
const notFound = { 404: errorResponse('No webhook with that id') };

export const createWebhook = createRoute({
  method: 'post',
  path: '/webhooks',
  tags,
  summary: 'Create a webhook that trades on alerts',
  description:
    'An action template (an exchange `order` through `/trading/orders`, or a DEX `swap` through `/trading/swap/execute`), the template fields an alert may set (`alertFields`), limits and how alerts authenticate. ' +
    'Every field a trade needs (`trading_pair`, `side`, `amount`, and `price` for LIMIT orders) must be in the template or in `alertFields`. ' +
    'The answer carries the secret, shown this once: Colibri keeps it sealed (AES-GCM under MASTER_KEY) and never returns it again. Alerts go to `url` (`POST /hooks/{id}`).',
  request: jsonBody(CreateWebhookSchema),
  responses: { 201: json(WebhookSecretSchema.extend({ webhook: WebhookSchema }), 'Created; `secret` is shown once'), ...commonErrorResponses },
});

export const listWebhooks = createRoute({
  method: 'get',
  path: '/webhooks',
  tags,
  summary: 'Every webhook (never its secret)',
  responses: { 200: json(z.array(WebhookSchema), 'Webhooks, newest first'), ...commonErrorResponses },
});

export const getWebhook = createRoute({
  method: 'get',
  path: '/webhooks/{id}',
  tags,
  summary: 'One webhook (never its secret)',
  request: { params: WebhookIdPathSchema },
  responses: { 200: json(WebhookSchema, 'The webhook'), ...notFound, ...commonErrorResponses },
});

export const updateWebhook = createRoute({
  method: 'patch',
  path: '/webhooks/{id}',
  tags,
  summary: 'Change a webhook: name, action, auth, alert fields, limits, enabled',
  description: 'Fields left out keep their values; `enabled: false` makes its alerts answer 409 and trade nothing.',
  request: { params: WebhookIdPathSchema, ...jsonBody(UpdateWebhookSchema) },
  responses: { 200: json(WebhookSchema, 'The webhook as changed'), ...notFound, ...commonErrorResponses },
});

export const deleteWebhook = createRoute({
  method: 'delete',
  path: '/webhooks/{id}',
  tags,
  summary: 'Delete a webhook and its deliveries',
  request: { params: WebhookIdPathSchema },
  responses: { 200: json(MessageResponseSchema, 'Deleted'), ...notFound, ...commonErrorResponses },
});

export const rotateSecret = createRoute({
  method: 'post',
  path: '/webhooks/{id}/rotate-secret',
  tags,
  summary: 'Replace the secret (the old one stops working at once)',
  request: { params: WebhookIdPathSchema },
  responses: { 200: json(WebhookSecretSchema, 'The new secret, shown once'), ...notFound, ...commonErrorResponses },
});

export const listDeliveries = createRoute({
  method: 'get',
  path: '/webhooks/{id}/deliveries',
  tags,
  summary: "The webhook's deliveries and what became of each",
  description:
    '`accepted`: recorded and queued; `executed`: the trade was placed (`trade.result` is the order or swap); `failed`: the trading or connectors worker refused it (a 4xx, at once) or kept failing transiently (429, 5xx, unreachable) until the queue gave up; ' +
    '`rejected`: refused on arrival (with the reason); `duplicate`: a repeat of an earlier delivery id (id `<delivery id> (repeat N)`), answered with the first delivery and traded nothing; the first counts its repeats in `duplicates`.',
  request: { params: WebhookIdPathSchema, query: DeliveriesQuerySchema },
  responses: { 200: json(z.array(DeliverySchema), 'Deliveries, newest first'), ...notFound, ...commonErrorResponses },
});
