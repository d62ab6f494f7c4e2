import { desc, eq, sql } from 'drizzle-orm';
import type { AppRouteHandler } from '../../lib/app';
import { getDb } from '../../lib/db/client';
import { webhooks } from '../../lib/db/schema';
import { NotFoundError, ValidationError } from '../../lib/errors';
import { templateIssues, type AlertTemplate } from '../../lib/webhooks/resolve-alert';
import type { WebhooksEnv } from './env';
import { findWebhook, listDeliveries, newSecret, presentDelivery, presentWebhook, sealSecret, type WebhookRow } from './store';
import type * as routes from './webhooks.routes';

function checkTemplate(template: AlertTemplate): void {
  const issues = templateIssues(template);
  if (issues.length) throw new ValidationError(issues);
}

async function existing(env: WebhooksEnv, id: string): Promise<WebhookRow> {
  const row = await findWebhook(getDb(env), id);
  if (!row) throw new NotFoundError(`Webhook ${id} not found`);
  return row;
}

export const createWebhook: AppRouteHandler<typeof routes.createWebhook, WebhooksEnv> = async (c) => {
  const body = c.req.valid('json');
  checkTemplate(body);
  const id = crypto.randomUUID();
  const secret = newSecret();
  const [row] = await getDb(c.env)
    .insert(webhooks)
    .values({ id, name: body.name, action: body.action, auth: body.auth, alertFields: body.alertFields, limits: body.limits, enabled: body.enabled, sealedSecret: await sealSecret(c.env, id, secret) })
    .returning();
  return c.json({ id, secret, url: `/hooks/${id}`, webhook: presentWebhook(row) }, 201);
};

export const listWebhooks: AppRouteHandler<typeof routes.listWebhooks, WebhooksEnv> = async (c) => {
  const rows = await getDb(c.env).select().from(webhooks).orderBy(desc(webhooks.createdAt));
  return c.json(rows.map(presentWebhook), 200);
};

export const getWebhook: AppRouteHandler<typeof routes.getWebhook, WebhooksEnv> = async (c) => c.json(presentWebhook(await existing(c.env, c.req.valid('param').id)), 200);

export const updateWebhook: AppRouteHandler<typeof routes.updateWebhook, WebhooksEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const changes = c.req.valid('json');
  const row = await existing(c.env, id);
  checkTemplate({ action: changes.action ?? row.action, alertFields: changes.alertFields ?? row.alertFields, limits: changes.limits ?? row.limits });
  const [updated] = await getDb(c.env)
    .update(webhooks)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(webhooks.id, id))
    .returning();
  if (!updated) throw new NotFoundError(`Webhook ${id} not found`);
  return c.json(presentWebhook(updated), 200);
};

export const deleteWebhook: AppRouteHandler<typeof routes.deleteWebhook, WebhooksEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const [deleted] = await getDb(c.env).delete(webhooks).where(eq(webhooks.id, id)).returning({ id: webhooks.id });
  if (!deleted) throw new NotFoundError(`Webhook ${id} not found`);
  return c.json({ message: `Webhook ${id} deleted` }, 200);
};

export const rotateSecret: AppRouteHandler<typeof routes.rotateSecret, WebhooksEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const secret = newSecret();
  const [updated] = await getDb(c.env)
    .update(webhooks)
    .set({ sealedSecret: await sealSecret(c.env, id, secret), updatedAt: sql`now()` })
    .where(eq(webhooks.id, id))
    .returning({ id: webhooks.id });
  if (!updated) throw new NotFoundError(`Webhook ${id} not found`);
  return c.json({ id, secret, url: `/hooks/${id}` }, 200);
};

export const listDeliveriesHandler: AppRouteHandler<typeof routes.listDeliveries, WebhooksEnv> = async (c) => {
  const { id } = c.req.valid('param');
  await existing(c.env, id);
  const rows = await listDeliveries(getDb(c.env), id, c.req.valid('query'));
  return c.json(rows.map(presentDelivery), 200);
};
