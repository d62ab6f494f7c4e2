// A JSON-RPC proxy in front of a local node, for tests and benchmarks: counts the HTTP requests a
// worker makes (what "RPC round trips" means here) and can answer as a rate-limited or failing node would.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import bs58 from 'bs58';

export type RpcProxyMode = 'pass' | 'rate-limited';

/**
 * How a node fails an HTTP request: `rate-limited` (429 with JSON-RPC -32005, as public RPCs answer),
 * `unavailable` (503), `hang-up` (the connection closes with no answer, as when a request times out),
 * `drop` (a Solana `sendTransaction` answered with its signature but never forwarded: a leader that
 * accepted the transaction and lost it, so it never lands).
 */
export type RpcFault = 'rate-limited' | 'unavailable' | 'hang-up' | 'drop';

/** Fails every HTTP request carrying `method` (alone or in a batch), `times` times or until reset. */
export interface RpcFaultRule {
  method: string;
  fault: RpcFault;
  times?: number;
}

export interface RpcProxy {
  url: string;
  /** HTTP requests received since the last reset, and the JSON-RPC methods they carried. */
  stats(): { requests: number; methods: string[] };
  /** Makes the proxy fail requests that carry a method (see RpcFaultRule). */
  fail(rule: RpcFaultRule): void;
  /** Clears the counts and the faults. */
  reset(): void;
  stop(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const RATE_LIMITED = JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32005, message: 'Too Many Requests' } });

/** What a node answers to `sendTransaction`: the transaction's signature (its first), read from the base64 wire form. */
function acceptedUnsent(body: string): unknown {
  const call = JSON.parse(body) as { id: unknown; params: [string] };
  const wire = Buffer.from(call.params[0], 'base64');
  // A compact-u16 signature count below 128 is one byte; the fee payer's signature follows.
  return { jsonrpc: '2.0', id: call.id, result: bs58.encode(wire.subarray(1, 65)) };
}

/**
 * Forwards to `upstream`; `rate-limited` answers 429 to everything. Control endpoints (`GET /__stats`,
 * `POST /__reset`, `POST /__fault` with a RpcFaultRule) let tests running in workerd drive it over HTTP.
 */
export async function startRpcProxy(options: { upstream?: string; mode?: RpcProxyMode }): Promise<RpcProxy> {
  let requests = 0;
  let methods: string[] = [];
  let faults: RpcFaultRule[] = [];
  const reset = () => {
    requests = 0;
    methods = [];
    faults = [];
  };
  const faultFor = (called: string[]): RpcFault | undefined => {
    const rule = faults.find((candidate) => called.includes(candidate.method) && (candidate.times === undefined || candidate.times > 0));
    if (rule?.times !== undefined) rule.times -= 1;
    return rule?.fault;
  };
  const server = createServer(async (req, res) => {
    if (req.url === '/__stats') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ requests, methods }));
    if (req.url === '/__reset') {
      reset();
      return void res.writeHead(204).end();
    }
    const body = await readBody(req);
    if (req.url === '/__fault') {
      faults.push(JSON.parse(body) as RpcFaultRule);
      return void res.writeHead(204).end();
    }
    requests += 1;
    let called: string[] = [];
    try {
      const parsed = JSON.parse(body);
      called = (Array.isArray(parsed) ? parsed : [parsed]).map((call: { method: string }) => call.method);
      methods.push(...called);
    } catch {
      // not JSON: forwarded as is, the node answers the parse error
    }
    const fault = options.mode === 'rate-limited' || !options.upstream ? 'rate-limited' : faultFor(called);
    if (fault === 'rate-limited') return void res.writeHead(429, { 'content-type': 'application/json' }).end(RATE_LIMITED);
    if (fault === 'unavailable') return void res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
    if (fault === 'hang-up') return void req.socket.destroy();
    if (fault === 'drop') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(acceptedUnsent(body)));
    try {
      const upstream = await fetch(options.upstream!, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(await upstream.text());
    } catch {
      res.writeHead(502).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats: () => ({ requests, methods: [...methods] }),
    fail: (rule) => faults.push({ ...rule }),
    reset,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
