// The Solana localnet: a JSON-RPC 2.0 HTTP + WebSocket server over an in-process litesvm, seeded
// with the dev wallet and USDC (see seed.ts). Transactions really execute in litesvm.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LiteSVM } from 'litesvm';
import { WebSocketServer, type WebSocket } from 'ws';
import { LocalChain } from './chain.js';
import { failure, handleRequest, type RpcMethod } from './jsonrpc.js';
import { rpcMethods } from './rpc.js';
import { seedLocalnet } from './seed.js';
import { subscriptionServer } from './websocket.js';

const HOST = '127.0.0.1';
export const DEFAULT_PORT = 8899;

export interface SolanaLocalnet {
  rpcUrl: string;
  /** Always `port + 1`: where web3.js's `Connection` looks for the WebSocket of an http://host:port RPC. */
  wsUrl: string;
  port: number;
  stop(): Promise<void>;
  /** The chain itself, e.g. to write fixture accounts with `setAccount`. */
  svm: LiteSVM;
}

/**
 * Starts the localnet on 127.0.0.1. `port` (default 8899; 0 picks a free pair) and `port + 1` both
 * answer JSON-RPC over HTTP and subscriptions over WebSocket, so either URL works for either.
 */
export async function startSolanaLocalnet(options: { port?: number } = {}): Promise<SolanaLocalnet> {
  const svm = new LiteSVM();
  seedLocalnet(svm);
  const chain = new LocalChain(svm);
  const methods = rpcMethods(chain);
  const sockets = new WebSocketServer({ noServer: true });
  sockets.on('connection', subscriptionServer(chain));
  const serve = () => {
    const server = createServer((request, response) => {
      serveHttp(methods, request, response).catch(() => response.destroy());
    });
    server.on('upgrade', (request, socket, head) => {
      sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
    });
    return server;
  };
  const [rpcServer, wsServer] = await listenOnPortPair(serve, options.port ?? DEFAULT_PORT);
  chain.start();
  const { port } = rpcServer.address() as AddressInfo;
  return {
    rpcUrl: `http://${HOST}:${port}`,
    wsUrl: `ws://${HOST}:${port + 1}`,
    port,
    svm,
    async stop() {
      chain.stop();
      await Promise.all([...sockets.clients].map(closeSocket));
      await Promise.all([close(rpcServer), close(wsServer)]);
      sockets.close();
    },
  };
}

async function serveHttp(methods: Record<string, RpcMethod>, request: IncomingMessage, response: ServerResponse) {
  // Validators answer GET /health too; handy for waiting on startup.
  if (request.method === 'GET' && request.url === '/health') return send(response, 200, 'text/plain', 'ok');
  if (request.method !== 'POST') return send(response, 405, 'text/plain', 'Method Not Allowed');
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return send(response, 200, 'application/json', JSON.stringify(failure(null, -32700, 'Parse error')));
  }
  const reply = Array.isArray(body) ? body.map((item) => handleRequest(methods, item)) : handleRequest(methods, body);
  send(response, 200, 'application/json', JSON.stringify(reply));
}

function send(response: ServerResponse, status: number, contentType: string, body: string) {
  response.writeHead(status, { 'content-type': contentType }).end(body);
}

async function listenOnPortPair(serve: () => Server, port: number): Promise<[Server, Server]> {
  for (let attempt = 1; ; attempt++) {
    const rpcServer = await listen(serve(), port);
    try {
      return [rpcServer, await listen(serve(), (rpcServer.address() as AddressInfo).port + 1)];
    } catch (error) {
      await close(rpcServer);
      // An OS-chosen port's successor may be taken: try another pair.
      if (port !== 0 || attempt === 10) throw error;
    }
  }
}

function listen(server: Server, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

// Code 1000 (normal closure) tells clients such as web3.js's not to reconnect; a client that does
// not answer the close handshake within a second is cut off.
function closeSocket(socket: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    socket.once('close', () => resolve());
    socket.close(1000, 'localnet stopped');
    setTimeout(() => socket.terminate(), 1000).unref();
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive connections would otherwise hold `close` open until they time out.
    server.closeAllConnections();
  });
}
