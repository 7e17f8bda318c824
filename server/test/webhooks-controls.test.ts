// What a developer controls per endpoint and per delivery: the receiver's answer kept per attempt
// (status, latency, first 2 KB of the body), disabling / re-enabling an endpoint, and "retry now"
// of a delivery that waits for its next automatic retry.
import { describe, expect, it } from 'vitest';
import { runDispatcherOnce } from '../src/webhooks/dispatcher.js';
import { enqueueWebhookEvent } from '../src/webhooks/outbox.js';
import { RESPONSE_BODY_MAX_BYTES, storedResponseBody } from '../src/webhooks/response-body.js';
import { useWebhookSuite } from './helpers/webhook-suite.js';

const MINUTE = 60_000;

describe('storedResponseBody', () => {
  it('keeps at most 2048 bytes and never splits a UTF-8 character', () => {
    expect(storedResponseBody(Buffer.from('ok'))).toBe('ok');
    // 'ž' is 2 bytes, '€' 3, '😀' 4: every cut position falls inside one of them somewhere.
    for (const ch of ['ž', '€', '😀']) {
      for (let pad = 0; pad < 4; pad++) {
        const raw = Buffer.from('a'.repeat(pad) + ch.repeat(1200), 'utf8');
        const kept = storedResponseBody(raw);
        const bytes = Buffer.byteLength(kept, 'utf8');
        expect(bytes).toBeLessThanOrEqual(RESPONSE_BODY_MAX_BYTES);
        expect(bytes).toBeGreaterThan(RESPONSE_BODY_MAX_BYTES - 4);
        expect(kept).not.toContain('\uFFFD');
        expect(raw.subarray(0, bytes).toString('utf8')).toBe(kept);
      }
    }
  });

  it('turns NUL and invalid bytes into U+FFFD and still stays within the limit', () => {
    expect(storedResponseBody(Buffer.from([0x61, 0x00, 0x62]))).toBe('a\uFFFDb');
    const invalid = Buffer.alloc(3000, 0xff); // each byte → U+FFFD (3 bytes)
    const kept = storedResponseBody(invalid);
    expect(Buffer.byteLength(kept, 'utf8')).toBeLessThanOrEqual(RESPONSE_BODY_MAX_BYTES);
    expect(kept).toMatch(/^\uFFFD+$/);
  });
});

describe('webhook controls', () => {
  const s = useWebhookSuite();

  const event = () =>
    s.t.deps.db.transaction().execute((trx) =>
      enqueueWebhookEvent(trx, s.t.clock, {
        developerId: s.dev.developerId,
        environment: 'sandbox',
        type: 'ITEM.CONNECTION_REVOKED',
        fields: { connection_id: 'conn_abc123', bank_id: 'raiffeisen', user_id: 'user_123' },
      }),
    );
  const get = (url: string, headers = s.dev.headers) => s.t.app.inject({ method: 'GET', url, headers });
  const deliveries = async (hookId: string) =>
    (await get(`/developers/webhooks/${hookId}/deliveries`)).json().deliveries as Array<{
      id: string;
      status: string;
      attempts: number;
      next_attempt_at: string | null;
      last_error: string | null;
    }>;
  const patch = (hookId: string, payload: object, headers = s.dev.headers) =>
    s.t.app.inject({ method: 'PATCH', url: `/developers/webhooks/${hookId}`, headers, payload });
  const retry = (hookId: string, deliveryId: string, headers = s.dev.headers) =>
    s.t.app.inject({
      method: 'POST',
      url: `/developers/webhooks/${hookId}/deliveries/${deliveryId}/retry`,
      headers,
    });

  it("stores each attempt's status, latency and the first 2 KB of the answer, as text", async () => {
    const hook = await s.register();
    const html = '<script>alert("x")</script>';
    const long = `${html}${'ž'.repeat(3000)}`;
    s.receiver.setResponder(() => ({ status: 503, body: long }));
    await event();
    await runDispatcherOnce(s.t.deps);
    s.receiver.setResponder(() => ({ status: 200, body: '{"received":true}' }));
    s.t.clock.advance(60 * MINUTE);
    await runDispatcherOnce(s.t.deps);
    const [d] = await deliveries(hook.id);
    expect(d?.status).toBe('succeeded');
    const res = await get(`/developers/webhooks/${hook.id}/deliveries/${d?.id}/attempts`);
    expect(res.statusCode).toBe(200);
    const attempts = res.json().attempts;
    expect(attempts).toEqual([
      {
        attempted_at: expect.any(String),
        status_code: 503,
        error: 'HTTP 503',
        duration_ms: expect.any(Number),
        response_body: expect.any(String),
      },
      {
        attempted_at: expect.any(String),
        status_code: 200,
        error: null,
        duration_ms: expect.any(Number),
        response_body: '{"received":true}',
      },
    ]);
    const first = attempts[0].response_body as string;
    expect(first.startsWith(html)).toBe(true); // stored as the receiver sent it; the dashboard escapes it
    expect(Buffer.byteLength(first, 'utf8')).toBeLessThanOrEqual(2048);
    expect(Buffer.byteLength(first, 'utf8')).toBeGreaterThanOrEqual(2047);
    expect(first).not.toContain('\uFFFD');
    expect(Buffer.from(long, 'utf8').subarray(0, Buffer.byteLength(first)).toString('utf8')).toBe(first);
    // In the database too, never more.
    const rows = await s.t.deps.db.selectFrom('webhook_attempts').select('response_body').execute();
    for (const r of rows) expect(Buffer.byteLength(r.response_body ?? '', 'utf8')).toBeLessThanOrEqual(2048);
  });

  it('records no body when the receiver never answered', async () => {
    const hook = await s.register();
    await s.t.app.inject({
      method: 'PATCH',
      url: `/developers/webhooks/${hook.id}`,
      headers: s.dev.headers,
      payload: { url: 'http://127.0.0.1:1/closed' },
    });
    await event();
    await runDispatcherOnce(s.t.deps);
    const [d] = await deliveries(hook.id);
    const attempts = (await get(`/developers/webhooks/${hook.id}/deliveries/${d?.id}/attempts`)).json()
      .attempts;
    expect(attempts).toEqual([
      expect.objectContaining({ status_code: null, error: 'ECONNREFUSED', response_body: null }),
    ]);
  });

  it('a disabled endpoint gets nothing: queued deliveries are cancelled, new events not queued; re-enabling resumes', async () => {
    const hook = await s.register();
    s.receiver.setResponder(() => 500);
    await event();
    await runDispatcherOnce(s.t.deps); // fails: waits for a retry
    const [waiting] = await deliveries(hook.id);
    expect(waiting?.status).toBe('pending');

    const off = await patch(hook.id, { enabled: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ id: hook.id, enabled: false });
    expect((await get('/developers/webhooks')).json().webhooks[0]).toMatchObject({ enabled: false });
    const [cancelled] = await deliveries(hook.id);
    expect(cancelled).toMatchObject({ id: waiting?.id, status: 'failed', last_error: 'webhook disabled' });

    s.receiver.setResponder(() => 200);
    const before = s.receiver.received.length;
    await event(); // while disabled: not queued for this endpoint
    s.t.clock.advance(20 * 60 * MINUTE);
    expect((await runDispatcherOnce(s.t.deps)).claimed).toBe(0);
    expect(s.receiver.received.length).toBe(before);
    expect(await deliveries(hook.id)).toHaveLength(1);
    // A test send queued while disabled is not sent either.
    await s.t.app.inject({
      method: 'POST',
      url: `/developers/webhooks/${hook.id}/test`,
      headers: s.dev.headers,
    });
    expect(await runDispatcherOnce(s.t.deps)).toMatchObject({ claimed: 1, failed: 1, succeeded: 0 });
    expect(s.receiver.received.length).toBe(before);
    expect((await deliveries(hook.id))[0]).toMatchObject({
      status: 'failed',
      last_error: 'webhook disabled',
    });

    // Another developer cannot toggle it (same answer as a missing webhook).
    const h = { ...s.other.headers, 'x-request-id': 'same' };
    const foreign = await patch(hook.id, { enabled: true }, h);
    const missing = await patch('wh_nope', { enabled: true }, h);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(missing.body);
    expect((await patch(hook.id, { enabled: 'yes' })).json().error_code).toBe('INVALID_FIELD');

    const on = await patch(hook.id, { enabled: true });
    expect(on.json()).toMatchObject({ enabled: true });
    await event();
    expect((await runDispatcherOnce(s.t.deps)).succeeded).toBe(1);
    await s.receiver.waitFor(before + 1);
    expect(s.receiver.received.length).toBe(before + 1);
  });

  it('retry now: a pending retry is attempted at once, as the same delivery, exactly once', async () => {
    const hook = await s.register();
    s.receiver.setResponder(() => 500);
    await event();
    await runDispatcherOnce(s.t.deps);
    const [waiting] = await deliveries(hook.id);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(Date.parse(waiting?.next_attempt_at ?? '')).toBeGreaterThan(s.t.clock.now().getTime());
    expect((await runDispatcherOnce(s.t.deps)).claimed).toBe(0); // not due yet

    s.receiver.setResponder(() => 200);
    const before = s.receiver.received.length;
    // Two clicks and two dispatchers racing: one attempt.
    const [a, b] = await Promise.all([retry(hook.id, waiting?.id ?? ''), retry(hook.id, waiting?.id ?? '')]);
    for (const r of [a, b]) {
      expect(r.statusCode).toBe(202);
      expect(r.json()).toEqual({
        delivery_id: waiting?.id,
        event_id: expect.stringMatching(/^evt_/),
        status: 'pending',
      });
    }
    const runs = await Promise.all([runDispatcherOnce(s.t.deps), runDispatcherOnce(s.t.deps)]);
    expect(runs.reduce((n, r) => n + r.claimed, 0)).toBe(1);
    await s.receiver.waitFor(before + 1);
    const all = await deliveries(hook.id);
    expect(all).toHaveLength(1); // no new delivery
    expect(all[0]).toMatchObject({ id: waiting?.id, status: 'succeeded', attempts: 2 });
    // The replaced schedule does not fire later.
    s.t.clock.advance(20 * 60 * MINUTE);
    expect((await runDispatcherOnce(s.t.deps)).claimed).toBe(0);
    expect(s.receiver.received.length).toBe(before + 1);

    // A finished delivery is sent again as a new delivery (same event).
    const again = await retry(hook.id, waiting?.id ?? '');
    expect(again.json().delivery_id).not.toBe(waiting?.id);
    expect(await deliveries(hook.id)).toHaveLength(2);

    // Another developer: DELIVERY/WEBHOOK not found, identical to a missing one.
    const h = { ...s.other.headers, 'x-request-id': 'same' };
    const foreign = await retry(hook.id, waiting?.id ?? '', h);
    const missing = await retry('wh_nope', 'dlv_nope', h);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(missing.body);
  });

  it('retry now leaves a delivery that a dispatcher is attempting right now alone', async () => {
    const hook = await s.register();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let entered: () => void = () => {};
    const sending = new Promise<void>((r) => {
      entered = r;
    });
    s.receiver.setResponder(() => 500);
    await event();
    await runDispatcherOnce(s.t.deps);
    const [waiting] = await deliveries(hook.id);
    s.t.clock.advance(20 * 60 * MINUTE); // due now
    s.receiver.setResponder(() => 200);
    const before = s.receiver.received.length;
    // A transport that holds the attempt open while "retry now" is pressed.
    const held = runDispatcherOnce(s.t.deps, {
      transport: {
        async post() {
          entered();
          await gate;
          return { statusCode: 200, error: null, durationMs: 5, responseBody: 'ok' };
        },
        close() {},
      },
    });
    await sending; // claimed and being attempted
    const r = await retry(hook.id, waiting?.id ?? '');
    expect(r.json().delivery_id).toBe(waiting?.id);
    expect((await runDispatcherOnce(s.t.deps)).claimed).toBe(0); // leased: not attempted twice
    release();
    expect((await held).succeeded).toBe(1);
    expect((await runDispatcherOnce(s.t.deps)).claimed).toBe(0);
    expect(s.receiver.received.length).toBe(before);
    expect((await deliveries(hook.id))[0]).toMatchObject({ status: 'succeeded', attempts: 2 });
  });
});
