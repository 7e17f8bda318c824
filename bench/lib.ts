import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import autocannon from 'autocannon';
import pg from 'pg';

export const ROOT = new URL('..', import.meta.url).pathname;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface Running {
  proc: ChildProcess;
  port: number;
  url: string;
  /** Milliseconds from spawn to the first successful answer. */
  readyMs: number;
  stop(): Promise<void>;
}

/** Spawns a server process and waits until `readyPath` answers 200 (polling every 10 ms, 30 s at most). */
export async function spawnServer(
  args: string[],
  env: Record<string, string>,
  readyPath = '/healthz',
): Promise<Running> {
  const port = await freePort();
  const started = performance.now();
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env, PORT: String(port) },
    // BENCH_SERVER_STDOUT=file keeps the server's standard output (e.g. with node's --trace-gc).
    stdio: [
      'ignore',
      process.env.BENCH_SERVER_STDOUT ? openSync(process.env.BENCH_SERVER_STDOUT, 'a') : 'ignore',
      'pipe',
    ],
  });
  let stderr = '';
  proc.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}): ${stderr.slice(-500)}`);
    // Generous: on a shared, loaded machine start-up has taken over 20 s.
    if (performance.now() - started > 120_000) {
      proc.kill('SIGKILL');
      throw new Error(`server did not answer within 120 s: ${stderr.slice(-500)}`);
    }
    try {
      const res = await fetch(url + readyPath);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const readyMs = performance.now() - started;
  return {
    proc,
    port,
    url,
    readyMs,
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
        setTimeout(() => proc.kill('SIGKILL'), 5000).unref();
      }),
  };
}

export interface LoadResult {
  requestsPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Requests completed. */
  total: number;
}

/** autocannon from this process against a server in another. */
export async function load(
  url: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const r = await autocannon({ url, headers, connections, duration: seconds });
  return {
    requestsPerSec: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    total: r.requests.total,
  };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export const fmt = (n: number, digits = 1): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux); null elsewhere.
 * CPU per request is far steadier than requests per second on a machine shared with other work.
 */
export function cpuMs(pid: number | undefined, path = `/proc/${pid}/stat`): number | null {
  if (pid === undefined) return null;
  try {
    const stat = readFileSync(path, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line (11 and 12 after the command), in clock ticks.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** The CPU time (ms) of a process's main thread (its event loop) so far; null elsewhere than Linux. */
export const mainThreadCpuMs = (pid: number | undefined): number | null =>
  cpuMs(pid, `/proc/${pid}/task/${pid}/stat`);

/**
 * A fresh PostgreSQL database for one bench run, on PG_ADMIN_URL's server (dropped first when a crashed
 * run left it): its URL, and drop() to remove it.
 */
export async function pgBenchDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const run = async (...sql: string[]) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    for (const q of sql) await c.query(q);
    await c.end();
  };
  await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`, `CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * CPU time (ms) used so far by every PostgreSQL server process on this machine (backends, WAL writer,
 * checkpointer…), from /proc; null elsewhere. Machine-wide: meaningful only while nothing else uses
 * the database server. On this 2-core box the database shares the cores with the server and the load.
 */
export function postgresCpuMs(): number | null {
  let total = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      const open = stat.indexOf('(');
      const close = stat.lastIndexOf(')');
      if (stat.slice(open + 1, close) !== 'postgres') continue;
      const f = stat.slice(close + 2).split(' ');
      total += ((Number(f[11]) + Number(f[12])) * 1000) / 100;
    }
  } catch {
    return null;
  }
  return total;
}

/** A bench call's answer: status and body as text. */
export interface Answer {
  status: number;
  body: string;
}

/**
 * JSON over HTTP to a bench server at `base` on `agent` (keep-alive): `call(method, path, token?, body?)`.
 * `onFailure` hears of every 5xx answer and network error (the mixed bench counts them per route).
 */
export function jsonClient(
  base: string,
  agent: http.Agent,
  onFailure?: (method: string, path: string, what: string) => void,
) {
  return (method: string, path: string, token?: string, body?: unknown): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        `${base}${path}`,
        {
          method,
          agent,
          headers: {
            ...(token && { authorization: `Bearer ${token}` }),
            ...(payload && {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(payload),
            }),
          },
        },
        (res) => {
          if ((res.statusCode ?? 0) >= 500) onFailure?.(method, path, String(res.statusCode));
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', (err) => {
        onFailure?.(method, path, err.message);
        reject(err);
      });
      req.end(payload);
    });
}
