// Local stand-in for Neon's proxy, so @neondatabase/serverless (unchanged, configured by
// lib/db/local-proxy.ts) can talk to a plain Postgres:
// - WebSocket /v2?address=host:port: raw Postgres wire protocol, bridged to a TCP socket (Pool/Client).
// - POST /sql: the driver's HTTP protocol (neon() and sql.transaction()), run through a pg.Pool.
// Loopback only and without auth: a dev tool, never expose it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import pg from 'pg';
import { WebSocketServer, type WebSocket } from 'ws';

export interface NeonProxy {
  url: string;
  port: number;
  /** Database round trips since the last reset: HTTP requests (a batch is one) and WebSocket sessions. */
  stats(): { httpRequests: number; webSockets: number };
  reset(): void;
  stop(): Promise<void>;
}

/** Like Neon's proxy, queries go to the database the driver names: HTTP queries to their
 * Neon-Connection-String header (one pg.Pool per distinct string), WebSockets to the `address` the
 * driver asks for. `databaseUrl` serves requests that name none. */
export async function startNeonProxy(options: { port?: number; databaseUrl: string }): Promise<NeonProxy> {
  const pools = new Map<string, pg.Pool>();
  const poolFor = (req: IncomingMessage) => {
    const connectionString = (req.headers['neon-connection-string'] as string | undefined) ?? options.databaseUrl;
    let pool = pools.get(connectionString);
    if (!pool) {
      pool = new pg.Pool({ connectionString });
      pool.on('error', () => {}); // an idle client dying (server restarted) must not crash the proxy
      // Nor may a checked-out one: the pool hears only idle clients, and a session ended just as it
      // connects (its ReadyForQuery and the FATAL in one read) errs before the caller can listen. The
      // pool drops such a client when it is released (it is no longer queryable).
      pool.on('connect', (client) => client.on('error', () => {}));
      pools.set(connectionString, pool);
    }
    return pool;
  };
  const fallback = new URL(options.databaseUrl);

  const counts = { httpRequests: 0, webSockets: 0 };
  const server = createServer((req, res) => {
    if (req.method === 'POST') counts.httpRequests += 1;
    void handleHttp(req, res, poolFor(req));
  });
  const wss = new WebSocketServer({ server, path: '/v2' });
  wss.on('connection', (ws, req) => {
    counts.webSockets += 1;
    const address = new URL(req.url ?? '', 'http://proxy').searchParams.get('address')
      ?? `${fallback.hostname}:${fallback.port || 5432}`;
    const split = address.lastIndexOf(':');
    bridge(ws, address.slice(0, split).replace(/^\[|\]$/g, ''), Number(address.slice(split + 1)));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats: () => ({ ...counts }),
    reset() {
      counts.httpRequests = 0;
      counts.webSockets = 0;
    },
    async stop() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await Promise.all([...pools.values()].map((pool) => pool.end()));
    },
  };
}

function bridge(ws: WebSocket, host: string, port: number): void {
  const socket = connect(port, host).setNoDelay(true);
  ws.on('message', (data) => socket.write(data as Buffer));
  socket.on('data', (data) => ws.send(data));
  ws.on('close', () => socket.end());
  ws.on('error', () => socket.destroy());
  socket.on('close', () => ws.close());
  socket.on('error', () => ws.close(1011, 'database connection failed'));
}

interface SqlQuery {
  query: string;
  params?: unknown[];
}

const CORS = { 'Access-Control-Allow-Origin': '*' };
// What the driver copies from the error JSON onto its NeonDbError.
const ERROR_FIELDS = ['severity', 'code', 'detail', 'hint', 'position', 'internalPosition', 'internalQuery',
  'where', 'schema', 'table', 'column', 'dataType', 'constraint', 'file', 'line', 'routine'] as const;
const ISOLATION: Record<string, string> = {
  ReadUncommitted: 'READ UNCOMMITTED',
  ReadCommitted: 'READ COMMITTED',
  RepeatableRead: 'REPEATABLE READ',
  Serializable: 'SERIALIZABLE',
};
// The driver asks for raw text (Neon-Raw-Text-Output) and parses values itself by dataTypeID.
const rawText = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

async function handleHttp(req: IncomingMessage, res: ServerResponse, pool: pg.Pool): Promise<void> {
  if (req.method === 'OPTIONS') {
    // Browsers preflight the driver's Neon-* headers; workers never do.
    const headers = req.headers['access-control-request-headers'] ?? '*';
    res.writeHead(204, { ...CORS, 'Access-Control-Allow-Headers': headers, 'Access-Control-Allow-Methods': 'POST' });
    res.end();
    return;
  }
  if (req.method !== 'POST' || req.url?.split('?')[0] !== '/sql') {
    res.writeHead(404, CORS).end('not found');
    return;
  }
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const result = await execute(pool, JSON.parse(Buffer.concat(chunks).toString('utf8')), req);
    res.writeHead(200, { ...CORS, 'Content-Type': 'application/json' }).end(JSON.stringify(result));
  } catch (err) {
    if (err instanceof pg.DatabaseError) {
      // Status 400 + JSON is what makes the driver throw a NeonDbError carrying these pg fields.
      const body = Object.fromEntries([['message', err.message], ...ERROR_FIELDS.map((key) => [key, err[key]])]);
      res.writeHead(400, { ...CORS, 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    } else {
      res.writeHead(500, CORS).end((err as Error).message); // driver: "Server error (HTTP status 500): ..."
    }
  }
}

async function execute(pool: pg.Pool, body: SqlQuery | { queries: SqlQuery[] }, req: IncomingMessage) {
  const arrayMode = req.headers['neon-array-mode'] === 'true';
  const client = await pool.connect();
  let broken = false;
  try {
    if (!('queries' in body)) return await runQuery(client, body, arrayMode);
    // A batch (sql.transaction([...])) is one transaction: all statements commit or none do.
    await client.query(beginStatement(req));
    try {
      const results = [];
      for (const query of body.queries) results.push(await runQuery(client, query, arrayMode));
      await client.query('COMMIT');
      return { results };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw err;
    }
  } finally {
    client.release(broken);
  }
}

async function runQuery(client: pg.PoolClient, { query, params = [] }: SqlQuery, arrayMode: boolean) {
  // Extended protocol even without params, like Neon: several statements in one query are rejected.
  const config: pg.QueryArrayConfig & { queryMode: 'extended' } =
    { text: query, values: params, rowMode: 'array', types: rawText, queryMode: 'extended' };
  const { command, rowCount, fields, rows } = await client.query(config);
  return {
    command,
    rowCount,
    fields,
    rows: arrayMode ? rows : rows.map((row) => Object.fromEntries(fields.map((f, i) => [f.name, row[i]]))),
    rowAsArray: arrayMode,
  };
}

function beginStatement(req: IncomingMessage): string {
  const level = req.headers['neon-batch-isolation-level'] as string | undefined;
  const readOnly = req.headers['neon-batch-read-only'];
  const deferrable = req.headers['neon-batch-deferrable'];
  if (level !== undefined && !ISOLATION[level]) throw new Error(`Unknown isolation level: ${level}`);
  return [
    'BEGIN',
    level && `ISOLATION LEVEL ${ISOLATION[level]}`,
    readOnly && (readOnly === 'true' ? 'READ ONLY' : 'READ WRITE'),
    deferrable && (deferrable === 'true' ? 'DEFERRABLE' : 'NOT DEFERRABLE'),
  ].filter(Boolean).join(' ');
}
