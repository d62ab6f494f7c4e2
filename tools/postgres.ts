// Throwaway PostgreSQL server (Debian's `postgresql` package) on a loopback port, for tests and local dev.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';

export interface LocalPostgres {
  url: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

export async function startPostgres(options: { port?: number } = {}): Promise<LocalPostgres> {
  const bin = findBinDir();
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'colibri-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root, so the cluster belongs to the `postgres` user.
  const pgExec = (cmd: string, args: string[]) =>
    asRoot ? exec('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]) : exec(join(bin, cmd), args);

  try {
    if (asRoot) await exec('chown', ['postgres:postgres', dir]);
    // --no-sync, -F (fsync off) and the C locale keep startup around a second; the data is disposable.
    await pgExec('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    // The unix socket goes in the temp dir: /var/run/postgresql may not exist or be writable.
    const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -F`;
    await pgExec('pg_ctl', ['start', '-D', data, '-w', '-l', join(dir, 'server.log'), '-o', serverOptions]);
    await exec(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'colibri']);
  } catch (err) {
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '';
    await pgExec('pg_ctl', ['stop', '-D', data, '-m', 'immediate']).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Could not start PostgreSQL: ${(err as Error).message}\n${log}`);
  }

  // pg_ctl daemonizes the postmaster; its PID is the first line of postmaster.pid.
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/colibri`,
    port,
    pid,
    async stop() {
      await pgExec('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w']).catch(() => {});
      if (!(await exited(pid, 1000))) {
        process.kill(pid, 'SIGKILL');
        await exited(pid, 1000);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function findBinDir(): string {
  const versions = existsSync(PG_ROOT)
    ? readdirSync(PG_ROOT).filter((v) => existsSync(join(PG_ROOT, v, 'bin', 'initdb')))
    : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`No PostgreSQL server in ${PG_ROOT}/*/bin: run \`apt-get install -y postgresql\``);
  return join(PG_ROOT, newest, 'bin');
}

/** Whether `pid` is a live process. The daemonized postmaster is re-parented to PID 1, which in some
 * containers never reaps children, so a zombie counts as gone. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

async function exited(pid: number, timeoutMs: number): Promise<boolean> {
  for (const end = Date.now() + timeoutMs; isRunning(pid) && Date.now() < end; ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return !isRunning(pid);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
