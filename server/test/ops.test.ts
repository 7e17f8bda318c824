import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runDispatcherOnce } from '../src/webhooks/dispatcher.js';
import { enqueueWebhookEvent } from '../src/webhooks/outbox.js';
import { auth, createTestApp, MANI_KEY, onPostgres, type TestApp } from './helpers/app.js';
import { expectError } from './helpers/contract.js';
import { createDevSession, type Receiver, startReceiver } from './helpers/webhooks.js';

const TOKEN = 'metrics-token-0123456789abcdef';

/** The value of one sample line (`name{labels} value`) in a Prometheus text answer, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const want = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (want) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('/healthz and /readyz', () => {
  let t: TestApp;
  afterEach(async () => {
    await t?.close();
  });

  it('/healthz is liveness only and names no database; /readyz checks the database and migrations', async () => {
    t = await createTestApp({ seed: false });
    const live = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });
    expect(live.body).not.toMatch(/sqlite|postgres/i);
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
    expect(ready.body).not.toMatch(/sqlite|postgres/i);
  });

  it('while draining /readyz answers 503 SERVICE_UNAVAILABLE with Retry-After; other routes keep answering', async () => {
    t = await createTestApp();
    t.app.startDraining();
    expect(t.app.draining).toBe(true);
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    const body = expectError(res, 'SERVICE_UNAVAILABLE', 'API_ERROR', 503);
    expect(body.error_message).toMatch(/draining/);
    expect(res.headers['retry-after']).toBe('5');
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const accounts = await t.app.inject({ method: 'GET', url: '/accounts', headers: auth(MANI_KEY) });
    expect(accounts.statusCode).toBe(200);
  });

  it('a database that is not migrated is not ready', async () => {
    t = await createTestApp({ seed: false });
    await t.deps.db.deleteFrom('kysely_migration' as never).execute();
    // A fresh app (the first one remembers that migrations were complete).
    const { buildApp } = await import('../src/app.js');
    const other = await buildApp(t.deps);
    try {
      const res = await other.inject({ method: 'GET', url: '/readyz' });
      const body = expectError(res, 'SERVICE_UNAVAILABLE', 'API_ERROR', 503);
      expect(body.error_message).toMatch(/migrations/);
    } finally {
      await other.close();
    }
  });
});

describe('load shedding (@fastify/under-pressure)', () => {
  let t: TestApp;
  afterAll(async () => {
    await t.close();
  });

  it('over the configured limit: 503 SERVICE_UNAVAILABLE in the error shape with Retry-After; /healthz still answers', async () => {
    // A heap limit of 1 MB: the first sample puts the process over it.
    t = await createTestApp({
      env: {
        OPENDINAR_SHED_HEAP_MB: '1',
        OPENDINAR_SHED_SAMPLE_MS: '10',
        OPENDINAR_SHED_RETRY_AFTER_SECONDS: '7',
      },
    });
    // Wait for the plugin's first sample (it starts at zero).
    while (t.app.memoryUsage().heapUsed === 0) await new Promise((r) => setImmediate(r));
    expect(t.app.isUnderPressure()).toBe(true);
    for (const [url, headers] of [
      ['/accounts', auth(MANI_KEY)],
      ['/banks', {}],
      ['/readyz', {}],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url, headers });
      const body = expectError(res, 'SERVICE_UNAVAILABLE', 'API_ERROR', 503);
      expect(body.error_message).toMatch(/overloaded/);
      expect(res.headers['retry-after']).toBe('7');
    }
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});

describe('GET /metrics', () => {
  let t: TestApp;
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });
  afterEach(async () => {
    await t?.close();
  });

  it('without OPENDINAR_METRICS_TOKEN there is no such route', async () => {
    t = await createTestApp({ seed: false });
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: auth(TOKEN) });
    expectError(res, 'ROUTE_NOT_FOUND', 'INVALID_REQUEST', 404);
  });

  it('refuses a missing or wrong token with 401 INVALID_METRICS_TOKEN', async () => {
    t = await createTestApp({ seed: false, env: { OPENDINAR_METRICS_TOKEN: TOKEN } });
    for (const headers of [
      {},
      auth('wrong-token-0123456789abcdef'),
      auth(MANI_KEY),
      { authorization: TOKEN },
    ]) {
      const res = await t.app.inject({ method: 'GET', url: '/metrics', headers });
      expectError(res, 'INVALID_METRICS_TOKEN', 'AUTH_ERROR', 401);
      expect(res.body).not.toContain('opendinar_');
    }
  });

  it('serves request histograms per route and status, event-loop delay, webhook queue, dispatcher, refresh and pool figures', async () => {
    t = await createTestApp({ env: { OPENDINAR_METRICS_TOKEN: TOKEN } });
    const dev = await createDevSession(t.deps.db, t.clock);
    // Traffic: two pages, one refused key, one unknown route, one forced refresh.
    for (let i = 0; i < 2; i++) {
      const page = await t.app.inject({
        method: 'GET',
        url: '/accounts/acc_rai_001/transactions?limit=5',
        headers: auth(MANI_KEY),
      });
      expect(page.statusCode).toBe(200);
    }
    expect(
      (await t.app.inject({ method: 'GET', url: '/accounts', headers: auth('od_test_sk_nope12345') }))
        .statusCode,
    ).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/no/such/thing' })).statusCode).toBe(404);
    const sync = await t.app.inject({
      method: 'POST',
      url: '/accounts/acc_rai_001/sync',
      headers: auth(MANI_KEY),
    });
    expect(sync.statusCode).toBe(200);
    // Webhooks: one delivered, one pending.
    const wh = await t.app.inject({
      method: 'POST',
      url: '/developers/webhooks',
      headers: dev.headers,
      payload: { url: receiver.url },
    });
    expect(wh.statusCode).toBe(201);
    const event = () =>
      t.deps.db.transaction().execute((trx) =>
        enqueueWebhookEvent(trx, t.clock, {
          developerId: dev.developerId,
          environment: 'sandbox',
          type: 'ITEM.CONNECTION_REVOKED',
          fields: { connection_id: 'conn_abc123', bank_id: 'raiffeisen', user_id: 'user_123' },
        }),
      );
    await event();
    const attemptsBefore = await scrape().then(
      (text) => sample(text, 'opendinar_webhook_attempts_total', { outcome: 'succeeded' }) ?? 0,
    );
    expect(await runDispatcherOnce(t.deps)).toMatchObject({ succeeded: 1 });
    await event();
    t.clock.advance(60_000);

    const text = await scrape();
    expect(
      sample(text, 'opendinar_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/accounts/:id/transactions',
        status: '200',
      }),
    ).toBe(2);
    expect(
      sample(text, 'opendinar_http_request_duration_seconds_bucket', {
        route: '/accounts/:id/transactions',
        le: '+Inf',
      }),
    ).toBe(2);
    expect(
      sample(text, 'opendinar_http_request_duration_seconds_count', { route: '/accounts', status: '401' }),
    ).toBe(1);
    // Unknown paths share one label value: raw URLs never become label values.
    expect(
      sample(text, 'opendinar_http_request_duration_seconds_count', { route: '(unmatched)', status: '404' }),
    ).toBe(1);
    expect(text).not.toContain('/no/such/thing');
    expect(sample(text, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sample(text, 'opendinar_webhook_queue_depth')).toBe(1);
    expect(sample(text, 'opendinar_webhook_oldest_pending_age_seconds')).toBe(60);
    expect(sample(text, 'opendinar_webhook_attempts_total', { outcome: 'succeeded' })).toBe(
      attemptsBefore + 1,
    );
    expect(
      sample(text, 'opendinar_refresh_duration_seconds_count', { result: 'refreshed' }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).toContain('# TYPE opendinar_refresh_failures_total counter');
    expect(sample(text, 'opendinar_database_up')).toBe(1);
    if (onPostgres()) {
      expect(sample(text, 'opendinar_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'opendinar_db_pool_max')).toBe(5);
    }
    // The scrape itself is not a secret-bearing answer: no key or token appears in it.
    expect(text).not.toContain(MANI_KEY);
    expect(text).not.toContain(TOKEN);
  });

  async function scrape(): Promise<string> {
    const res = await t.app.inject({ method: 'GET', url: '/metrics', headers: auth(TOKEN) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.body;
  }
});
