// Points @neondatabase/serverless at the local proxy (tools/neon-proxy.ts) instead of Neon's cloud.
// Runs inside workerd: web APIs only.
import { neonConfig } from '@neondatabase/serverless';

/** Route neon()/drizzle neon-http (HTTP) and Pool/Client/drizzle neon-serverless (WebSocket) through
 * the proxy at `proxyUrl`, e.g. http://127.0.0.1:4444. Global and idempotent. */
export function useLocalNeonProxy(proxyUrl: string): void {
  const url = new URL(proxyUrl);
  neonConfig.fetchEndpoint = new URL('/sql', url).href;
  // No protocol here: the driver adds ws:// or wss:// from useSecureWebSocket, then ?address=host:port.
  neonConfig.wsProxy = `${url.host}/v2`;
  neonConfig.useSecureWebSocket = url.protocol === 'https:';
  // Pipelining sends a cleartext password before the server asks; trust/SCRAM auth locally breaks on it.
  neonConfig.pipelineConnect = false;
  // Local Postgres has no TLS; the driver's connection string may still say sslmode=require.
  neonConfig.forceDisablePgSSL = true;
}
