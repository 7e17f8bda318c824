import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backoffCeilingMs, backoffDelayMs, DEFAULT_BACKOFF, nextAttemptAt } from '../src/webhooks/backoff.js';
import { createDispatcher, deliveryBody, runDispatcherOnce } from '../src/webhooks/dispatcher.js';
import { enqueueWebhookEvent } from '../src/webhooks/outbox.js';
import { verifySignatureHeader } from '../src/webhooks/signing.js';
import { claimDue, insertDelivery, listAttempts, recordAttempt } from '../src/webhooks/store.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { createDevSession, type Receiver, startReceiver } from './helpers/webhooks.js';

type VerifyWebhook = (secret: string, rawBody: string | Buffer, signatureHeader: string) => boolean;
const { verifyWebhook } = createRequire(import.meta.url)('./helpers/docs-verify-webhook.cjs') as {
  verifyWebhook: VerifyWebhook;
};

const HOUR = 3600_000;

describe('webhook delivery', () => {
  let t: TestApp;
  let receiver: Receiver;
  let dev: Awaited<ReturnType<typeof createDevSession>>;

  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });
  beforeEach(async () => {
    t = await createTestApp({ seed: false });
    dev = await createDevSession(t.deps.db, t.clock);
    receiver.received.length = 0;
    receiver.setResponder(() => 200);
  });
  afterEach(async () => {
    await t.close();
  });

  async function register(url = receiver.url, events?: string[]): Promise<{ id: string; secret: string }> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/developers/webhooks',
      headers: dev.headers,
      payload: { url, events },
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  const revoked = () =>
    t.deps.db.transaction().execute((trx) =>
      enqueueWebhookEvent(trx, t.clock, {
        developerId: dev.developerId,
        environment: 'sandbox',
        type: 'ITEM.CONNECTION_REVOKED',
        fields: { connection_id: 'conn_abc123', bank_id: 'raiffeisen', user_id: 'user_123' },
      }),
    );

  const delivery = async (eventId: string) =>
    t.deps.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow();

  it('POSTs the documented body with headers the docs’ verifyWebhook accepts', async () => {
    const wh = await register();
    const eventId = await revoked();
    expect(await runDispatcherOnce(t.deps)).toMatchObject({ claimed: 1, succeeded: 1 });
    expect(receiver.received).toHaveLength(1);
    const req = receiver.received[0]!;
    expect(req.method).toBe('POST');
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['user-agent']).toBe('OpenDinar-Webhooks/1.0');
    expect(req.headers['opendinar-event-id']).toBe(eventId);
    expect(req.headers['content-length']).toBe(String(req.raw.length));
    const header = String(req.headers['opendinar-signature']);
    const unix = Math.floor(t.clock.now().getTime() / 1000);
    expect(header).toMatch(new RegExp(`^t=${unix},v1=[0-9a-f]{64}$`));
    expect(JSON.parse(req.raw.toString('utf8'))).toEqual({
      webhook_type: 'ITEM',
      webhook_code: 'CONNECTION_REVOKED',
      connection_id: 'conn_abc123',
      bank_id: 'raiffeisen',
      user_id: 'user_123',
      timestamp: unix,
      event_id: eventId,
      environment: 'sandbox',
    });
    // The docs' function, as written, on the raw body (string or bytes).
    expect(verifyWebhook(wh.secret, req.raw.toString('utf8'), header)).toBe(true);
    expect(verifyWebhook(wh.secret, req.raw, header)).toBe(true);
    expect(verifyWebhook('whsec_wrong', req.raw.toString('utf8'), header)).toBe(false);
    expect(verifyWebhook(wh.secret, req.raw.toString('utf8').replace('user_123', 'user_124'), header)).toBe(
      false,
    );
    // Our receiver-side helper adds the 5-minute replay window.
    expect(verifySignatureHeader(wh.secret, req.raw, header, unix + 299)).toBe(true);
    expect(verifySignatureHeader(wh.secret, req.raw, header, unix + 301)).toBe(false);
  });

  it('signs the exact bytes sent: a body with unicode and 1650.00 verifies raw, not re-serialised', async () => {
    const wh = await register();
    // A stored payload whose text would change under JSON.parse + JSON.stringify.
    const payload =
      '{"webhook_type":"TRANSACTIONS","webhook_code":"SYNC_UPDATES_AVAILABLE","account_id":"acc_rai_001","bank_id":"raiffeisen",' +
      '"amount":-1650.00,"note":"Plata – mart 2026, Đorđe Šćepanović \\u00e9 💶","timestamp":1743760200}';
    const now = t.clock.now().toISOString();
    await t.deps.db
      .insertInto('webhook_events')
      .values({
        id: 'evt_unicode',
        developer_id: dev.developerId,
        environment: 'live',
        event_type: 'TRANSACTIONS.SYNC_UPDATES_AVAILABLE',
        payload,
        created_at: now,
      })
      .execute();
    await insertDelivery(t.deps.db, {
      eventId: 'evt_unicode',
      webhookId: wh.id,
      developerId: dev.developerId,
      nowIso: now,
    });
    await runDispatcherOnce(t.deps);
    const req = receiver.received[0]!;
    const raw = req.raw.toString('utf8');
    expect(raw).toBe(`${payload.slice(0, -1)},"event_id":"evt_unicode","environment":"live"}`);
    expect(raw).toContain('-1650.00');
    expect(raw).toContain('Đorđe Šćepanović');
    const header = String(req.headers['opendinar-signature']);
    expect(verifyWebhook(wh.secret, raw, header)).toBe(true);
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(reserialised).not.toBe(raw);
    expect(verifyWebhook(wh.secret, reserialised, header)).toBe(false);
  });

  it('builds bodies by splicing event_id and environment into the stored object', () => {
    expect(deliveryBody('{}', 'evt_1', 'sandbox').toString()).toBe(
      '{"event_id":"evt_1","environment":"sandbox"}',
    );
    expect(deliveryBody(' {"a":1.50} ', 'evt_1', 'live').toString()).toBe(
      '{"a":1.50,"event_id":"evt_1","environment":"live"}',
    );
    expect(() => deliveryBody('[1]', 'evt_1', 'live')).toThrow();
  });

  it('retries a 500 with growing backoff on the test clock for 24 h, then marks it failed', async () => {
    receiver.setResponder(() => 500);
    await register();
    const eventId = await revoked();
    const created = t.clock.now().getTime();
    const random = () => 0.999999; // pin the jitter at its ceiling so the schedule is visible
    const gaps: number[] = [];
    for (let i = 0; i < 100; i++) {
      // Just before it is due nothing is claimed.
      const before = await delivery(eventId);
      if (before.status !== 'pending') break;
      const due = Date.parse(before.next_attempt_at);
      if (due > t.clock.now().getTime()) {
        t.clock.set(new Date(due - 1));
        expect((await runDispatcherOnce(t.deps, { random })).claimed).toBe(0);
        t.clock.set(new Date(due));
      }
      expect((await runDispatcherOnce(t.deps, { random })).claimed).toBe(1);
      const after = await delivery(eventId);
      if (after.status === 'pending') gaps.push(Date.parse(after.next_attempt_at) - t.clock.now().getTime());
    }
    const final = await delivery(eventId);
    expect(final.status).toBe('failed');
    expect(final.last_status_code).toBe(500);
    const attempts = await listAttempts(t.deps.db, final.id);
    expect(attempts).toHaveLength(final.attempts);
    expect(receiver.received).toHaveLength(final.attempts);
    expect(attempts.every((a) => a.status_code === 500 && a.error === 'HTTP 500' && a.duration_ms >= 0)).toBe(
      true,
    );
    // Retried for at least 24 hours: only the attempt at/after the 24 h mark gives up.
    const times = attempts.map((a) => Date.parse(a.attempted_at));
    expect(times.at(-1)! - created).toBeGreaterThanOrEqual(24 * HOUR);
    expect(times.at(-2)! - created).toBeLessThan(24 * HOUR);
    // Exponential: ~30 s, 60 s, 120 s, … doubling up to the 6 h cap.
    expect(gaps[0]).toBeGreaterThan(29_000);
    expect(gaps[0]).toBeLessThanOrEqual(30_000);
    for (let i = 1; i < gaps.length; i++) {
      const expected = Math.min(6 * HOUR, 30_000 * 2 ** i);
      expect(gaps[i]).toBeGreaterThan(expected * 0.99);
      expect(gaps[i]).toBeLessThanOrEqual(expected);
    }
    expect(Math.max(...gaps)).toBeLessThanOrEqual(6 * HOUR);
    expect(gaps.filter((g) => g > 6 * HOUR * 0.99).length).toBeGreaterThan(0);
    // The first session expired during the simulated day; log in again.
    const fresh = await createDevSession(t.deps.db, t.clock, { developerId: dev.developerId });
    const api = await t.app.inject({
      method: 'GET',
      url: `/developers/webhooks/${final.webhook_id}/deliveries`,
      headers: fresh.headers,
    });
    expect(api.json().deliveries[0]).toMatchObject({
      status: 'failed',
      attempts: final.attempts,
      last_status_code: 500,
      next_attempt_at: null,
    });
  });

  it('succeeds on a later attempt once the receiver recovers', async () => {
    let calls = 0;
    receiver.setResponder(() => (++calls < 3 ? 503 : 204));
    await register();
    const eventId = await revoked();
    for (let i = 0; i < 3; i++) {
      const d = await delivery(eventId);
      t.clock.set(d.next_attempt_at);
      await runDispatcherOnce(t.deps);
    }
    const d = await delivery(eventId);
    expect(d.status).toBe('succeeded');
    expect(d.attempts).toBe(3);
    expect(d.last_status_code).toBe(204);
    expect((await listAttempts(t.deps.db, d.id)).map((a) => a.status_code)).toEqual([503, 503, 204]);
  });

  it('does not follow redirects (a 3xx is a failed attempt)', async () => {
    const elsewhere = await startReceiver();
    try {
      receiver.setResponder(() => ({ status: 302, headers: { location: elsewhere.url } }));
      await register();
      const eventId = await revoked();
      expect(await runDispatcherOnce(t.deps)).toMatchObject({ claimed: 1, retrying: 1 });
      const d = await delivery(eventId);
      expect(d.status).toBe('pending');
      expect(d.last_status_code).toBe(302);
      expect(d.last_error).toContain('redirect');
      expect(elsewhere.received).toHaveLength(0);
    } finally {
      await elsewhere.close();
    }
  });

  it('times out a receiver that never answers and records it', async () => {
    receiver.setResponder(() => 'hang');
    await register();
    const eventId = await revoked();
    const started = performance.now();
    expect(await runDispatcherOnce(t.deps, { timeoutMs: 300 })).toMatchObject({ claimed: 1, retrying: 1 });
    expect(performance.now() - started).toBeLessThan(5000);
    const d = await delivery(eventId);
    expect(d.last_error).toBe('timeout after 300 ms');
    expect(d.last_status_code).toBeNull();
    const [a] = await listAttempts(t.deps.db, d.id);
    expect(a!.duration_ms).toBeGreaterThanOrEqual(290);
  });

  it('records connection failures', async () => {
    const down = await startReceiver();
    const url = down.url;
    await down.close();
    await register(url);
    const eventId = await revoked();
    await runDispatcherOnce(t.deps);
    const d = await delivery(eventId);
    expect(d.status).toBe('pending');
    expect(d.last_error).toBe('ECONNREFUSED');
  });

  it('re-checks the target at delivery time: names resolving to private addresses are refused', async () => {
    await register(); // registered while allowed…
    const strict = { ...t.deps, config: { ...t.deps.config, webhookAllowPrivate: false } };
    // …and the hostname now resolves to loopback (as after a DNS change): stored directly, since registration refuses it.
    await t.deps.db
      .updateTable('webhooks')
      .set({ url: `https://localhost:${receiver.port}/hooks` })
      .execute();
    const eventId = await revoked();
    await runDispatcherOnce(strict);
    let d = await delivery(eventId);
    expect(d.last_error).toMatch(/^refused: localhost resolves to non-public address/);
    await t.deps.db
      .updateTable('webhooks')
      .set({ url: `https://127.0.0.1:${receiver.port}/hooks` })
      .execute();
    t.clock.set(d.next_attempt_at);
    await runDispatcherOnce(strict);
    d = await delivery(eventId);
    expect(d.last_error).toBe('refused: address 127.0.0.1 is not public');
    await t.deps.db.updateTable('webhooks').set({ url: receiver.url }).execute();
    t.clock.set(d.next_attempt_at);
    await runDispatcherOnce(strict);
    d = await delivery(eventId);
    expect(d.last_error).toBe('URL must be https');
    expect(receiver.received).toHaveLength(0);
  });

  it('leases claims: a crashed dispatcher’s rows wait for the lease, then go out once; stale leases cannot record', async () => {
    await register();
    const eventId = await revoked();
    const now = t.clock.now();
    const lease = new Date(now.getTime() + 70_000).toISOString();
    const [claim] = await claimDue(t.deps.db, t.deps.dialect, now.toISOString(), lease, 10);
    expect(claim).toBeDefined();
    // The "crashed" dispatcher never records; others skip the row while its lease holds.
    expect((await runDispatcherOnce(t.deps)).claimed).toBe(0);
    t.clock.advance(70_001);
    expect(await runDispatcherOnce(t.deps)).toMatchObject({ claimed: 1, succeeded: 1 });
    expect(receiver.received).toHaveLength(1);
    // The old holder waking up cannot overwrite the result.
    const stale = await recordAttempt(t.deps.db, {
      deliveryId: claim!.id,
      lease: claim!.lease,
      attemptedAt: now.toISOString(),
      statusCode: 500,
      error: 'HTTP 500',
      durationMs: 1,
      status: 'pending',
      nextAttemptAt: now.toISOString(),
    });
    expect(stale).toBe(false);
    expect((await delivery(eventId)).status).toBe('succeeded');
    expect(await runDispatcherOnce(t.deps)).toMatchObject({ claimed: 0 });
  });

  it('background dispatcher delivers each of many events once', async () => {
    await register();
    const d = createDispatcher(t.deps, { pollMs: 20, concurrency: 8 });
    d.start();
    try {
      const ids = new Set<string>();
      for (let i = 0; i < 40; i++) ids.add(await revoked());
      d.wake();
      await receiver.waitFor(40);
      await new Promise((r) => setTimeout(r, 150));
      expect(receiver.received).toHaveLength(40);
      expect(new Set(receiver.received.map((r) => String(r.headers['opendinar-event-id'])))).toEqual(ids);
    } finally {
      await d.stop();
    }
    const pending = await t.deps.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('status', '!=', 'succeeded')
      .execute();
    expect(pending).toHaveLength(0);
  });
});

describe('dispatcher inside the app', () => {
  // Its own describe: on PostgreSQL the test helpers cannot migrate two fresh schemas side by side.
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('the app runs the dispatcher when dispatcherEnabled, so a test event arrives without driving it', async () => {
    const live = await createTestApp({ seed: false, config: { dispatcherEnabled: true, webhookPollMs: 20 } });
    try {
      const s = await createDevSession(live.deps.db, live.clock);
      const wh = (
        await live.app.inject({
          method: 'POST',
          url: '/developers/webhooks',
          headers: s.headers,
          payload: { url: receiver.url },
        })
      ).json();
      const res = await live.app.inject({
        method: 'POST',
        url: `/developers/webhooks/${wh.id}/test`,
        headers: s.headers,
      });
      await receiver.waitFor(1);
      expect(receiver.received[0]?.headers['opendinar-event-id']).toBe(res.json().event_id);
      expect(
        verifyWebhook(
          wh.secret,
          receiver.received[0]!.raw.toString(),
          String(receiver.received[0]!.headers['opendinar-signature']),
        ),
      ).toBe(true);
    } finally {
      await live.close();
    }
  });
});

describe('backoff', () => {
  it('doubles from 30 s to a 6 h cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffCeilingMs(DEFAULT_BACKOFF, n))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ]);
    expect(backoffCeilingMs(DEFAULT_BACKOFF, 10)).toBe(15_360_000);
    expect(backoffCeilingMs(DEFAULT_BACKOFF, 11)).toBe(6 * HOUR);
    expect(backoffCeilingMs(DEFAULT_BACKOFF, 500)).toBe(6 * HOUR);
  });
  it('draws the wait uniformly below the ceiling (full jitter) with a 1 s floor', () => {
    expect(backoffDelayMs(DEFAULT_BACKOFF, 3, () => 0)).toBe(1000);
    expect(backoffDelayMs(DEFAULT_BACKOFF, 3, () => 0.5)).toBe(60_000);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelayMs(DEFAULT_BACKOFF, 5, Math.random);
      expect(d).toBeGreaterThanOrEqual(1000);
      expect(d).toBeLessThanOrEqual(480_000);
    }
  });
  it('gives up only once the 24 h window has passed', () => {
    const created = new Date('2026-04-04T00:00:00Z');
    expect(
      nextAttemptAt(DEFAULT_BACKOFF, created, new Date(created.getTime() + 24 * HOUR - 1), 20, () => 0.5),
    ).not.toBeNull();
    expect(
      nextAttemptAt(DEFAULT_BACKOFF, created, new Date(created.getTime() + 24 * HOUR), 20, () => 0.5),
    ).toBeNull();
  });
});
