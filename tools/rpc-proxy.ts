// A JSON-RPC proxy in front of a local node, for tests and benchmarks: counts the HTTP requests a
// worker makes (what "RPC round trips" means here) and can answer as a rate-limited node would.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RpcProxyMode = 'pass' | 'rate-limited';

export interface RpcProxy {
  url: string;
  /** HTTP requests received since the last reset, and the JSON-RPC methods they carried. */
  stats(): { requests: number; methods: string[] };
  reset(): void;
  stop(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Forwards to `upstream`; `rate-limited` answers 429 like public RPCs do. Control endpoints
 * (`GET /__stats`, `POST /__reset`) let tests running in workerd read the counts over HTTP.
 */
export async function startRpcProxy(options: { upstream?: string; mode?: RpcProxyMode }): Promise<RpcProxy> {
  let requests = 0;
  let methods: string[] = [];
  const server = createServer(async (req, res) => {
    if (req.url === '/__stats') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ requests, methods }));
    if (req.url === '/__reset') {
      requests = 0;
      methods = [];
      return void res.writeHead(204).end();
    }
    const body = await readBody(req);
    requests += 1;
    try {
      const parsed = JSON.parse(body);
      methods.push(...(Array.isArray(parsed) ? parsed : [parsed]).map((call: { method: string }) => call.method));
    } catch {
      // not JSON: forwarded as is, the node answers the parse error
    }
    if (options.mode === 'rate-limited' || !options.upstream) {
      return void res.writeHead(429, { 'content-type': 'application/json' }).end(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32005, message: 'Too Many Requests' } }));
    }
    try {
      const upstream = await fetch(options.upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
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
    reset: () => {
      requests = 0;
      methods = [];
    },
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
