import { SELF } from 'cloudflare:test';
import { expect, vi } from 'vitest';
import { signatureHeader } from '../../lib/webhooks/signature';
import { api } from '../support/http';

export interface Created {
  id: string;
  secret: string;
  url: string;
}

export interface Delivery {
  id: string;
  status: 'accepted' | 'duplicate' | 'rejected' | 'executed' | 'failed';
  reason: string | null;
  trade: { request: Record<string, unknown>; result: Record<string, unknown> | null } | null;
  attempts: number;
  duplicates: number;
}

export interface Answer {
  status: 'accepted' | 'duplicate';
  delivery: Delivery;
}

export async function createWebhook(body: Record<string, unknown>): Promise<Created> {
  const response = await api('/webhooks', { body: { name: `hook-${crypto.randomUUID().slice(0, 8)}`, ...body } });
  expect(response.status, await response.clone().text()).toBe(201);
  return response.json<Created>();
}

/**
 * An alert as an alert service sends it: no Colibri credentials, from its own address (each alert
 * service is its own client to the edge's per-IP rate limit).
 */
export function alert(url: string, body: string, headers: Record<string, string> = {}, ip = '203.0.113.7') {
  return SELF.fetch(`http://colibri.test${url}`, { method: 'POST', headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip, ...headers }, body });
}

/** An alert signed with the webhook's secret (`X-Colibri-Signature`), at `timestamp` (now by default). */
export async function signedAlert(hook: Created, payload: unknown, options: { timestamp?: number; headers?: Record<string, string>; ip?: string } = {}) {
  const body = JSON.stringify(payload);
  return alert(hook.url, body, { 'x-colibri-signature': await signatureHeader(hook.secret, body, options.timestamp), ...options.headers }, options.ip);
}

export async function deliveries(hookId: string): Promise<Delivery[]> {
  const response = await api(`/webhooks/${hookId}/deliveries?limit=1000`);
  expect(response.status).toBe(200);
  return response.json<Delivery[]>();
}

/** Waits until the queue consumer has decided every accepted delivery of the webhook. */
export async function settled(hookId: string, timeout = 20_000): Promise<Delivery[]> {
  let list: Delivery[] = [];
  await vi.waitFor(
    async () => {
      list = await deliveries(hookId);
      expect(list.filter((delivery) => delivery.status === 'accepted')).toEqual([]);
    },
    { timeout, interval: 100 },
  );
  return list;
}
