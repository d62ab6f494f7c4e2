import { SELF } from 'cloudflare:test';
import { Keypair } from '@solana/web3.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSnapshot } from '../support/chain';
import { api, basicAuth } from '../support/http';

// A bounded fuzz of the whole surface, read from /openapi.json at run time (routes added later are
// fuzzed too): for every operation, a request built from its documented examples, then a few hostile
// mutations of each field. No answer may be a 5xx, and every error answers in the one error shape.
//
// Nothing may move: every wallet field names a fresh wallet Colibri holds no key for, the chains'
// default wallets are such wallets for the duration, and the EVM chain runs on a snapshot.

type Schema = {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  example?: unknown;
  format?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
  default?: unknown;
};
type Parameter = { name: string; in: 'query' | 'path' | 'header'; schema?: Schema; example?: unknown };
type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };
type Document = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

type Request = { method: string; path: Record<string, string>; query: Record<string, string>; body?: Record<string, unknown> };
type Outcome = { label: string; status: number; text: string; ms: number };

/** Requests in flight at once: enough that database connections open and close under parallel load. */
const IN_FLIGHT = 8;
const LONG = 'A'.repeat(100_000);
const HUGE = `1${'0'.repeat(80)}`;
const CONTROL = 'a\u0000b\u0007c';

/** Body field mutations: what an attacker puts where a value goes. */
const bodyMutations = (schema: Schema): [string, unknown][] => [
  ['wrong type', schema.type === 'string' || schema.enum ? 12345 : 'fuzz'],
  ['boolean', true],
  ['null', null],
  ['huge', schema.type === 'string' ? HUGE : 1e300],
  ['negative', -1],
  ['control characters', CONTROL],
  ['long string', LONG],
];
/** Query and path values are strings: the same attacks, spelled as text. */
const textMutations: [string, string][] = [
  ['boolean', 'true'],
  ['null', 'null'],
  ['huge', HUGE],
  ['exponent', '1e80'],
  ['hex', '0x10'],
  ['negative', '-1'],
  ['control characters', CONTROL],
  ['long string', LONG.slice(0, 10_000)],
];

const freshEvmAddress = () => `0x${[...crypto.getRandomValues(new Uint8Array(20))].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
const freshSolanaAddress = () => Keypair.generate().publicKey.toBase58();
/** Fields that name the wallet that would sign: always one without a key here. */
const WALLET_FIELDS = new Set(['address', 'walletAddress', 'toAddress']);

let document: Document;
const resolve = (schema: Schema | undefined): Schema => {
  let current = schema ?? {};
  while (current.$ref) current = document.components?.schemas?.[current.$ref.split('/').pop()!] ?? {};
  return current;
};

/** A documented value for a schema: its example, else its first enum value, else a plain one of its type. */
function sample(schemaRef: Schema | undefined, depth = 0): unknown {
  const schema = resolve(schemaRef);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const option = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (option) return sample(option, depth);
  switch (schema.type) {
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return depth > 3 ? {} : Object.fromEntries(Object.entries(schema.properties ?? {}).map(([name, property]) => [name, sample(property, depth + 1)]));
    default:
      return schema.format === 'uuid' ? crypto.randomUUID() : 'fuzz';
  }
}

/** The baseline request of an operation: documented values, keyless wallets, and no path naming a real entity on a write. */
function baseline(method: string, route: string, operation: Operation): Request {
  const request: Request = { method: method.toUpperCase(), path: {}, query: {} };
  const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
  if (bodySchema) request.body = sample(bodySchema) as Record<string, unknown>;
  const solana = route.includes('/solana') || request.body?.chain === 'solana' || String(request.body?.chainNetwork ?? '').startsWith('solana');
  const wallet = () => (solana ? freshSolanaAddress() : freshEvmAddress());
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in === 'header') continue;
    const documented = parameter.example ?? sample(parameter.schema);
    if (parameter.in === 'path') {
      // A write through a path (DELETE /pools/{address}, /tokens/{token}) must not name a listed entity.
      request.path[parameter.name] = parameter.name === 'dex' || request.method === 'GET' ? String(documented) : resolve(parameter.schema).format === 'uuid' ? crypto.randomUUID() : freshEvmAddress();
    } else {
      request.query[parameter.name] = WALLET_FIELDS.has(parameter.name) ? wallet() : String(documented);
    }
  }
  for (const field of Object.keys(request.body ?? {})) if (WALLET_FIELDS.has(field)) request.body![field] = wallet();
  return request;
}

const without = <T>(record: Record<string, T>, name: string) => Object.fromEntries(Object.entries(record).filter(([key]) => key !== name));

/**
 * A few mutations of one field, to stay within the CI budget: always the long string (what stalled a
 * worker), then two more kinds in rotation (absence among them), so that across the fields of the
 * surface every kind is tried on every operation in turn.
 */
let rotation = 0;
function few<T>(all: [string, T][]): [string, T][] {
  const long = all.filter(([kind]) => kind === 'long string');
  const others = all.filter(([kind]) => kind !== 'long string');
  rotation += 2;
  return [...long, others[rotation % others.length], others[(rotation + 1) % others.length]];
}

/** The mutations of every field of a request, one field at a time. */
function* mutations(request: Request, operation: Operation): Generator<[string, Request]> {
  for (const name of Object.keys(request.query)) {
    for (const [kind, value] of few([['missing', ''], ...textMutations])) {
      yield [`query ${name} ${kind}`, { ...request, query: kind === 'missing' ? without(request.query, name) : { ...request.query, [name]: value } }];
    }
  }
  for (const name of Object.keys(request.path)) {
    for (const [kind, value] of few(textMutations)) yield [`path ${name} ${kind}`, { ...request, path: { ...request.path, [name]: value } }];
  }
  if (request.body) {
    const properties = resolve(operation.requestBody?.content?.['application/json']?.schema).properties ?? {};
    for (const name of Object.keys(request.body)) {
      for (const [kind, value] of few([['missing', undefined], ...bodyMutations(resolve(properties[name]))])) {
        yield [`body ${name} ${kind}`, { ...request, body: kind === 'missing' ? without(request.body, name) : { ...request.body, [name]: value } }];
      }
    }
    yield ['body not JSON', { ...request, body: undefined, query: { ...request.query }, method: request.method }];
  }
}

const CASES_PER_OPERATION = 4;
let picked = 0;
/** Up to CASES_PER_OPERATION of an operation's cases: a long string first where there is one, the rest in rotation. */
function pickCases(all: [string, Request][]): [string, Request][] {
  if (all.length <= CASES_PER_OPERATION) return all;
  const long = all.find(([label]) => label.endsWith('long string'));
  const others = all.filter((entry) => entry !== long);
  const chosen = Array.from({ length: CASES_PER_OPERATION - (long ? 1 : 0) }, (_, index) => others[(picked + index) % others.length]);
  picked += CASES_PER_OPERATION;
  return long ? [long, ...chosen] : chosen;
}

let sent = 0;
async function send(route: string, request: Request, label: string, rawBody?: string): Promise<Outcome> {
  const path = route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(request.path[name] ?? 'fuzz'));
  const query = new URLSearchParams(request.query).toString();
  const body = rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  sent += 1;
  const started = performance.now();
  // Each request from its own client address, so the edge's per-client rate limit does not hide the routes.
  const response = await SELF.fetch(`http://colibri.test${path}${query ? `?${query}` : ''}`, {
    method: request.method,
    headers: { authorization: basicAuth, 'cf-connecting-ip': `10.${(sent >> 16) & 255}.${(sent >> 8) & 255}.${sent & 255}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body,
  });
  const text = await response.text();
  return { label: `${request.method} ${route} ${label}`, status: response.status, text, ms: performance.now() - started };
}

/** Runs `work` over `items`, a few at a time. */
async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

const defaults: Record<string, string> = {};
const localnetNodes = async () =>
  Promise.all(['ethereum-localnet', 'solana-localnet'].map(async (namespace) => (await (await api(`/config?namespace=${namespace}`)).json<{ nodeURL: string }>()).nodeURL));

beforeAll(async () => {
  document = await (await api('/openapi.json')).json<Document>();
  for (const [chain, address] of [['ethereum', freshEvmAddress()], ['solana', freshSolanaAddress()]]) {
    defaults[chain] = (await (await api(`/config?namespace=${chain}`)).json<{ defaultWallet: string }>()).defaultWallet;
    await api('/config/update', { body: { namespace: chain, path: 'defaultWallet', value: address } });
  }
});

afterAll(async () => {
  for (const [chain, address] of Object.entries(defaults)) await api('/config/update', { body: { namespace: chain, path: 'defaultWallet', value: address } });
});

describe('a fuzz of every operation in /openapi.json', () => {
  it('answers no 5xx, and every error in the one error shape', { timeout: 600_000 }, async () => {
    const nodesBefore = await localnetNodes();
    const cases: [string, Request, string, string | undefined][] = [];
    for (const [route, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const request = baseline(method, route, operation);
        const all = [...mutations(request, operation)];
        // At most a few cases per operation, to keep the suite within the CI budget: every operation
        // is tried, and the fields and kinds rotate across operations.
        for (const [label, mutated] of pickCases(all)) cases.push([route, mutated, label, label === 'body not JSON' ? '{"not json' : undefined]);
      }
    }
    const failures: string[] = [];
    const outcomes: Outcome[] = [];
    const started = performance.now();
    await withSnapshot(() =>
      inParallel(cases, IN_FLIGHT, async ([route, request, label, rawBody]) => {
        const outcome = await send(route, request, label, rawBody);
        outcomes.push(outcome);
        if (outcome.status >= 500) failures.push(`${outcome.label}: ${outcome.status} ${outcome.text.slice(0, 200)}`);
        else if (outcome.status >= 400) {
          let shaped = false;
          try {
            const body = JSON.parse(outcome.text) as Record<string, unknown>;
            shaped = body.statusCode === outcome.status && typeof body.error === 'string' && typeof body.message === 'string' && typeof body.detail === 'string';
          } catch {
            shaped = false;
          }
          if (!shaped) failures.push(`${outcome.label}: ${outcome.status} without the error shape: ${outcome.text.slice(0, 200)}`);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const slowest = outcomes.reduce((max, outcome) => (outcome.ms > max.ms ? outcome : max), outcomes[0]);
    console.log(`fuzz: ${outcomes.length} requests (${IN_FLIGHT} in flight), ${outcomes.filter((outcome) => outcome.status >= 500).length} 5xx, over ${Object.keys(document.paths).length} paths in ${seconds.toFixed(1)} s; slowest ${slowest.ms.toFixed(0)} ms (${slowest.label})`);
    expect(failures).toEqual([]);
    // The fuzz changed no node URL the other tests run on.
    expect(await localnetNodes()).toEqual(nodesBefore);
  });
});
