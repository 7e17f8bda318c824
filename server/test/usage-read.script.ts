/**
 * CPU per GET /developers/usage on SQLite, in process (app.inject): usage recorded first over
 * `minutes` minutes (several routes and statuses, as the mixed bench leaves it), then `reads` reads.
 * Run: cd server && npx tsx test/usage-read.script.ts [reads] [minutes] [requests per minute]
 * (EXPLAIN=1 first prints the plan and time of each of the read's queries).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/app.js';
import { TestClock } from '../src/clock.js';
import { loadConfig } from '../src/config.js';
import { createDb } from '../src/db/index.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedSandbox } from '../src/sandbox/seed.js';
import { createSecretBox } from '../src/secrets.js';

const reads = Number(process.argv[2] ?? 500);
const minutes = Number(process.argv[3] ?? 30);
const perMinute = Number(process.argv[4] ?? 2000);
const dir = mkdtempSync(join(tmpdir(), 'usage-read-'));
const handle = createDb({ kind: 'sqlite', path: join(dir, 'read.db') });
try {
  await migrateToLatest(handle.db);
  const clock = new TestClock(new Date('2026-12-07T08:00:00.000Z'));
  const box = createSecretBox(randomBytes(32));
  await seedSandbox(handle.db, clock, box);
  const config = { ...loadConfig({}), dispatcherEnabled: false, syncIntervalSeconds: 0 };
  const app = await buildApp({ db: handle.db, dialect: 'sqlite', clock, config, box });
  await app.ready();
  const reg = await app.inject({
    method: 'POST',
    url: '/developers/register',
    payload: { email: 'read@example.com', password: 'correct horse battery', name: 'Reader' },
  });
  const { developer, session_token: token, api_key: key } = reg.json();
  const routes = [
    'GET /accounts/:id/transactions',
    'GET /accounts/:id/balance',
    'GET /accounts',
    'POST /connect',
    'POST /connect/exchange',
    'DELETE /connections/:id',
  ];
  for (let m = 0; m < minutes; m++) {
    for (let i = 0; i < perMinute; i++) {
      const status = i % 50 === 0 ? 404 : 200;
      app.usage.record({
        method: 'GET',
        endpoint: routes[i % routes.length] as string,
        status,
        errorCode: status === 404 ? 'ACCOUNT_NOT_FOUND' : null,
        requestId: `r${m}-${i}`,
        at: new Date(clock.now().getTime() + Math.floor((i * 60_000) / perMinute)),
        log: { path: '/accounts', latencyMs: 1, authorization: null, errorBody: null },
        key: { apiKeyId: key.id, developerId: developer.id, environment: 'sandbox' },
      });
      if (i % 500 === 499) await app.usage.flush();
    }
    await app.usage.flush();
    clock.advance(60_000);
  }
  if (process.env.EXPLAIN) {
    const { default: SQLite } = await import('better-sqlite3');
    const c = new SQLite(join(dir, 'read.db'), { readonly: true });
    const u = `(select endpoint, status, environment, minute as t, requests as n from usage_minutes where developer_id = '${developer.id}') as u`;
    for (const q of [
      `select coalesce(sum(n), 0) from ${u}`,
      `select endpoint, sum(n) from ${u} group by endpoint`,
      `select substr(t, 1, 10), sum(n) from ${u} group by substr(t, 1, 10)`,
      `select request_id from usage_events where developer_id = '${developer.id}' and status >= 400 order by at desc, id desc limit 20`,
      `select id from dev_sessions where token_hash = 'x'`,
    ]) {
      console.log(
        q.slice(0, 80),
        JSON.stringify(
          c
            .prepare(`explain query plan ${q}`)
            .all()
            .map((r) => (r as { detail: string }).detail),
        ),
      );
      const t = performance.now();
      for (let i = 0; i < 200; i++) c.prepare(q).all();
      console.log(`  ${((performance.now() - t) / 200).toFixed(3)} ms`);
    }
    c.close();
  }
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let total = 0;
  for (let i = 0; i < reads; i++) {
    const res = await app.inject({
      method: 'GET',
      url: '/developers/usage',
      headers: { authorization: `Bearer ${token}` },
    });
    total = res.json().total_requests;
  }
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `${reads} reads of ${total} requests over ${minutes} minutes: ${((cpu.user + cpu.system) / reads / 1000).toFixed(2)} ms CPU per read (wall ${((performance.now() - t0) / reads).toFixed(2)} ms)`,
  );
  await app.close();
} finally {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
}
