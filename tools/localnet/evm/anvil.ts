// Starts the anvil binary shipped by npm (@foundry-rs/anvil) as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';

export interface StartAnvilOptions {
  /** TCP port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
  /** Chain id; 31337 (anvil's default, the `localnet` network) when omitted. */
  chainId?: number;
  /** Path of a state file written by `anvil --dump-state`, loaded at start. */
  loadState?: string;
}

export interface AnvilInstance {
  rpcUrl: string;
  port: number;
  pid: number;
  /** Kills the process by PID and resolves once it has exited. */
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * Path of the platform binary. We spawn it directly rather than the package's `bin.mjs` wrapper
 * so that the PID we hold is anvil's own, not a node process in front of it.
 */
function anvilBinaryPath(): string {
  const arch = { x64: 'amd64', arm64: 'arm64' }[process.arch as string];
  if (!arch) throw new Error(`anvil: unsupported architecture ${process.arch}`);
  const exe = process.platform === 'win32' ? 'anvil.exe' : 'anvil';
  return createRequire(import.meta.url).resolve(`@foundry-rs/anvil-${process.platform}-${arch}/bin/${exe}`);
}

/** Starts anvil and resolves once it answers `eth_chainId` with the requested chain id. */
export async function startAnvil(options: StartAnvilOptions = {}): Promise<AnvilInstance> {
  const chainId = options.chainId ?? 31337;
  // Port 0 lets anvil bind a free port itself (no race with another process); we read it back
  // from its "Listening on" line.
  const args = ['--host', '127.0.0.1', '--port', String(options.port ?? 0), '--chain-id', String(chainId)];
  if (options.loadState) args.push('--load-state', options.loadState);

  const child = spawn(anvilBinaryPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // If the test runner or dev script dies without calling stop(), do not leave anvil behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async () => {
    process.off('exit', killOnExit);
    const running = child.pid !== undefined && child.exitCode === null && child.signalCode === null;
    if (running) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
  };

  try {
    const port = await waitForListening(child, exited);
    const rpcUrl = `http://127.0.0.1:${port}`;
    await waitForChainId(rpcUrl, chainId);
    return { rpcUrl, port, pid: child.pid!, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Resolves with the port from anvil's "Listening on 127.0.0.1:<port>" line. */
function waitForListening(child: ChildProcess, exited: Promise<void>): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on 127\.0\.0\.1:(\d+)/.exec(output);
      if (match) finish(() => resolve(Number(match[1])));
    };
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      // Stop collecting, but keep draining so anvil never blocks on a full pipe.
      child.stdout!.off('data', collect).resume();
      child.stderr!.off('data', collect).resume();
      settle();
    };
    const fail = (message: string) => finish(() => reject(new Error(`${message}:\n${output.slice(-2000)}`)));
    const timer = setTimeout(() => fail(`anvil did not start within ${STARTUP_TIMEOUT_MS} ms`), STARTUP_TIMEOUT_MS);
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('error', (error) => fail(`anvil could not be spawned (${error.message})`));
    void exited.then(() => fail('anvil exited during startup'));
  });
}

async function waitForChainId(rpcUrl: string, chainId: number): Promise<void> {
  const deadline = performance.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    const answered = await readChainId(rpcUrl);
    if (answered === chainId) return;
    if (answered !== undefined) throw new Error(`anvil at ${rpcUrl} reports chain id ${answered}, expected ${chainId}`);
    if (performance.now() > deadline) throw new Error(`anvil at ${rpcUrl} did not answer eth_chainId`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The node's chain id, or undefined while it does not answer yet. */
async function readChainId(rpcUrl: string): Promise<number | undefined> {
  try {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
    });
    const { result } = (await response.json()) as { result?: string };
    return result === undefined ? undefined : Number(result);
  } catch {
    return undefined;
  }
}
