import { Miniflare } from 'miniflare';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// workerd's own HTTP server answers an absolute-form request line (`GET http://host/path HTTP/1.1`)
// before any worker code runs: no worker can turn it into a 400 (README, Contracts). This pins what
// it does, so a workerd upgrade that changes it is noticed.

let worker: Miniflare;
let address: URL;

beforeAll(async () => {
  worker = new Miniflare({ modules: true, compatibilityDate: '2026-01-15', port: 0, script: 'export default { fetch: () => new Response("worker code ran") }' });
  address = await worker.ready;
});

afterAll(async () => {
  await worker.dispose();
});

function rawRequest(requestLine: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(address.port), address.hostname, () => socket.write(`${requestLine}\r\nHost: ${address.host}\r\nConnection: close\r\n\r\n`));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('an absolute-form request line', () => {
  it('is answered by workerd with a bare 500 and no details, before any worker code', async () => {
    expect(await rawRequest('GET /wallet HTTP/1.1')).toMatch(/^HTTP\/1\.1 200[\s\S]*worker code ran$/);
    for (const target of ['http://example/wallet', `http://${address.host}/wallet`]) {
      const answer = await rawRequest(`GET ${target} HTTP/1.1`);
      expect(answer).toMatch(/^HTTP\/1\.1 500 Internal Server Error\r\n/);
      expect(answer.endsWith('\r\n\r\nInternal Server Error')).toBe(true);
      expect(answer).not.toContain('worker code ran');
    }
  });
});
