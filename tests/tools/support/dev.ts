// `npm run dev` as the README starts it (`tsx tools/dev.ts`), on free ports and a temp state folder, so
// a test can use the product exactly as a user does and stop it by PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Dev {
  baseUrl: string;
  authorization: string;
  exchangeUrl: string;
  home: string;
  /** Everything `npm run dev` printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Basic-auth pair `npm run dev` uses when nothing overrides it. */
const DEV_LOGIN = 'admin:admin';
/** Starting the stack on a busy 2-core machine takes 1-3 minutes. */
const START_TIMEOUT_MS = 280_000;

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, async () => {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return server;
    }),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** Starts `npm run dev` with `prepare(home)` run on its fresh state folder first; resolves at the banner. */
export async function startDev(prepare: (home: string) => void = () => {}): Promise<Dev> {
  const home = mkdtempSync(join(tmpdir(), 'colibri-dev-'));
  // The database server runs as the `postgres` user when we are root: it must reach the folder.
  chmodSync(home, 0o755);
  prepare(home);
  const [port, exchangePort, evmPort, solanaPort] = await freePorts(4);
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), EXCHANGE_PORT: String(exchangePort), EVM_PORT: String(evmPort), SOLANA_PORT: String(solanaPort), COLIBRI_HOME: home };
  delete env.DATABASE_URL;
  const dev: ChildProcess = spawn('node_modules/.bin/tsx', ['tools/dev.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  dev.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => dev.once('exit', () => resolve()));

  const stop = async () => {
    if (dev.exitCode === null && dev.signalCode === null) {
      dev.kill('SIGTERM');
      await exited;
    }
    rmSync(home, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm run dev printed no banner in ${START_TIMEOUT_MS / 1000} s:\n${output.slice(-3000)}`)), START_TIMEOUT_MS);
      const onData = () => {
        if (!output.includes('Colibri is running')) return;
        clearTimeout(timer);
        dev.stdout!.off('data', onData);
        resolve();
      };
      dev.stdout!.on('data', onData);
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`npm run dev exited before its banner:\n${output.slice(-3000)}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    authorization: `Basic ${Buffer.from(DEV_LOGIN).toString('base64')}`,
    exchangeUrl: `http://127.0.0.1:${exchangePort}`,
    home,
    output: () => output,
    stop,
  };
}
