/**
 * Measures what usage recording costs in throughput: the same server with recording on and off
 * (record() replaced by a no-op), GET /accounts with a sandbox key, load from a separate process.
 * Run: cd server && npx tsx test/usage-overhead.script.ts [seconds-per-run] [rounds]
 *  or: npx tsx test/usage-overhead.script.ts micro [events] [rows written first]   (CPU per recorded event: process, main thread)
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { createDb } from '../src/db/index.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedSandbox } from '../src/sandbox/seed.js';
import { createSecretBox } from '../src/secrets.js';

const KEY = 'od_test_sk_9x2mABC123sandbox';

async function serve(dbPath: string, recording: boolean): Promise<void> {
  const handle = createDb({ kind: 'sqlite', path: dbPath });
  await migrateToLatest(handle.db);
  const box = createSecretBox(randomBytes(32));
  await seedSandbox(handle.db, systemClock, box);
  const config = { ...loadConfig({}), dispatcherEnabled: false, syncIntervalSeconds: 0 };
  const app = await buildApp({ db: handle.db, dialect: 'sqlite', clock: systemClock, config, box });
  if (!recording) app.usage.record = () => {};
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.stdout.write(`PORT ${typeof address === 'object' && address ? address.port : 0}\n`);
  process.on(
    'SIGTERM',
    () =>
      void app
        .close()
        .then(() => handle.close())
        .then(() => process.exit(0)),
  );
}

async function runOnce(dbPath: string, recording: boolean, seconds: number): Promise<number> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL(import.meta.url).pathname, 'serve', dbPath, recording ? 'on' : 'off'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const port = await new Promise<number>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /PORT (\d+)/.exec(d.toString());
      if (m) resolve(Number(m[1]));
    });
  });
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/accounts`,
    headers: { authorization: `Bearer ${KEY}` },
    connections: 10,
    duration: seconds,
  });
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
  if (result.non2xx > 0) throw new Error(`${result.non2xx} non-2xx answers`);
  return result.requests.average;
}

/** CPU time of the main thread alone (Linux: /proc/self/task/<pid>/stat, 10 ms ticks); the usage worker is another thread. */
function mainThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** CPU time per recorded event: the hook's work (record) plus its share of the batched write. */
async function micro(events: number, preloaded: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'usage-micro-'));
  const handle = createDb({ kind: 'sqlite', path: join(dir, 'micro.db') });
  try {
    await migrateToLatest(handle.db);
    const box = createSecretBox(randomBytes(32));
    await seedSandbox(handle.db, systemClock, box);
    const config = { ...loadConfig({}), dispatcherEnabled: false, syncIntervalSeconds: 0 };
    const app = await buildApp({ db: handle.db, dialect: 'sqlite', clock: systemClock, config, box });
    await app.ready();
    // Rows already written before measuring (index depth and cache behaviour depend on table size).
    for (let i = 0; i < preloaded; i++) {
      app.usage.record({
        method: 'GET',
        endpoint: 'GET /accounts/:id/transactions',
        status: 200,
        errorCode: null,
        requestId: randomBytes(16).toString('hex'),
        at: systemClock.now(),
        log: { path: '/accounts', latencyMs: 1, authorization: `Bearer ${KEY}`, errorBody: null },
        key: { apiKeyId: 'key_mani_app', developerId: 'dev_mani_app', environment: 'sandbox' },
      });
      if (i % 500 === 499) await app.usage.flush();
    }
    await app.usage.flush();
    const started = process.cpuUsage();
    const mainStarted = mainThreadCpuMs();
    const wall = performance.now();
    for (let i = 0; i < events; i++) {
      app.usage.record({
        method: 'GET',
        endpoint: 'GET /accounts/:id/transactions',
        status: i % 10 === 0 ? 404 : 200,
        errorCode: i % 10 === 0 ? 'ACCOUNT_NOT_FOUND' : null,
        requestId: randomBytes(16).toString('hex'),
        at: systemClock.now(),
        log: {
          path: '/accounts/acc_rai_001/transactions?limit=50',
          latencyMs: 1.5,
          authorization: `Bearer ${KEY}`,
          errorBody: null,
        },
        key: { apiKeyId: 'key_mani_app', developerId: 'dev_mani_app', environment: 'sandbox' },
      });
      if (i % 500 === 499) await app.usage.flush();
    }
    await app.usage.flush();
    const cpu = process.cpuUsage(started);
    const us = (cpu.user + cpu.system) / events;
    const mainUs = ((mainThreadCpuMs() - mainStarted) * 1000) / events;
    console.log(
      `${events} events: ${us.toFixed(1)} µs CPU per event in the process, ${mainUs.toFixed(1)} µs on the main thread (wall ${(((performance.now() - wall) * 1000) / events).toFixed(1)} µs)`,
    );
    await app.close();
  } finally {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'micro') {
  await micro(Number(process.argv[3] ?? 50_000), Number(process.argv[4] ?? 0));
} else if (process.argv[2] === 'serve') {
  await serve(process.argv[3] ?? '', process.argv[4] === 'on');
} else {
  const seconds = Number(process.argv[2] ?? 5);
  const rounds = Number(process.argv[3] ?? 3);
  const dir = mkdtempSync(join(tmpdir(), 'usage-bench-'));
  const on: number[] = [];
  const off: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      off.push(await runOnce(join(dir, 'bench.db'), false, seconds));
      on.push(await runOnce(join(dir, 'bench.db'), true, seconds));
      console.log(`round ${i + 1}: off ${off.at(-1)?.toFixed(0)} req/s, on ${on.at(-1)?.toFixed(0)} req/s`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const cost = (1 - median(on) / median(off)) * 100;
  console.log(
    `median: off ${median(off).toFixed(0)} req/s, on ${median(on).toFixed(0)} req/s → recording costs ${cost.toFixed(1)} %`,
  );
}
