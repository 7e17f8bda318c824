// Signing-secret rotation: POST /developers/webhooks/:id/rotate-secret. During the grace period every
// delivery carries two v1= values (new secret first, old last), so the docs' verifyWebhook (which
// keeps the last v1) still verifies with the old secret and a verifier that tries every v1 accepts
// either; after it, only the new secret signs.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { runDispatcherOnce } from '../src/webhooks/dispatcher.js';
import { enqueueWebhookEvent } from '../src/webhooks/outbox.js';
import { verifySignatureHeader } from '../src/webhooks/signing.js';
import { createTestApp } from './helpers/app.js';
import { useWebhookSuite } from './helpers/webhook-suite.js';
import { createDevSession } from './helpers/webhooks.js';

type VerifyWebhook = (secret: string, rawBody: string | Buffer, signatureHeader: string) => boolean;
const { verifyWebhook } = createRequire(import.meta.url)('./helpers/docs-verify-webhook.cjs') as {
  verifyWebhook: VerifyWebhook;
};

const HOUR = 3600_000;

describe('webhook secret rotation', () => {
  const s = useWebhookSuite();

  const rotate = (id: string, payload?: unknown, headers: Record<string, string> = s.dev.headers) =>
    s.t.app.inject({
      method: 'POST',
      url: `/developers/webhooks/${id}/rotate-secret`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  /** One event delivered now; returns what the receiver got. */
  async function deliverOne() {
    const before = s.receiver.received.length;
    await s.t.deps.db.transaction().execute((trx) =>
      enqueueWebhookEvent(trx, s.t.clock, {
        developerId: s.dev.developerId,
        environment: 'sandbox',
        type: 'ITEM.CONNECTION_REVOKED',
        fields: { connection_id: 'conn_abc123', bank_id: 'raiffeisen', user_id: 'user_123' },
      }),
    );
    expect((await runDispatcherOnce(s.t.deps)).succeeded).toBe(1);
    await s.receiver.waitFor(before + 1);
    const got = s.receiver.received[before];
    if (!got) throw new Error('nothing received');
    return { raw: got.raw, header: String(got.headers['opendinar-signature']) };
  }
  const nowSeconds = () => Math.floor(s.t.clock.now().getTime() / 1000);
  /** A verifier that tries every v1 (constant time each) — what the dashboard snippet does. */
  const anyV1 = (secret: string, raw: Buffer, header: string) =>
    verifySignatureHeader(secret, raw, header, nowSeconds());

  it('signs with both secrets during the grace period, new first, old last; only the new after', async () => {
    const hook = await s.register();
    const res = await rotate(hook.id, { grace_hours: 2 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      id: hook.id,
      url: s.receiver.url,
      events: expect.any(Array),
      enabled: true,
      created_at: expect.any(String),
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9]{32}$/),
      previous_secret_expires_at: new Date(s.t.clock.now().getTime() + 2 * HOUR).toISOString(),
    });
    const fresh = body.secret as string;
    expect(fresh).not.toBe(hook.secret);

    // Encrypted at rest like the first secret; the old one too while it still signs.
    const row = await s.t.deps.db
      .selectFrom('webhooks')
      .selectAll()
      .where('id', '=', hook.id)
      .executeTakeFirstOrThrow();
    expect(row.secret_enc).not.toContain(fresh);
    expect(s.t.deps.box.open(row.secret_enc)).toBe(fresh);
    expect(row.previous_secret_enc).not.toContain(hook.secret);
    expect(s.t.deps.box.open(row.previous_secret_enc ?? '')).toBe(hook.secret);
    // The list never shows a secret.
    const list = await s.t.app.inject({ method: 'GET', url: '/developers/webhooks', headers: s.dev.headers });
    expect(list.body).not.toContain('whsec_');

    const during = await deliverOne();
    const v1s = during.header.match(/v1=[0-9a-f]{64}/g) ?? [];
    expect(v1s).toHaveLength(2);
    expect(during.header).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    // The docs' example (keeps the last v1) verifies the raw body with the OLD secret …
    expect(verifyWebhook(hook.secret, during.raw, during.header)).toBe(true);
    expect(verifyWebhook(fresh, during.raw, during.header)).toBe(false);
    // … and a verifier trying every v1 accepts either secret, and no other.
    expect(anyV1(hook.secret, during.raw, during.header)).toBe(true);
    expect(anyV1(fresh, during.raw, during.header)).toBe(true);
    expect(anyV1('whsec_somethingelse', during.raw, during.header)).toBe(false);
    // The new secret's v1 is the first.
    const onlyFirst = during.header.split(',').slice(0, 2).join(',');
    expect(verifyWebhook(fresh, during.raw, onlyFirst)).toBe(true);
    // The raw bytes are what is signed: one byte more and neither secret verifies.
    const altered = Buffer.concat([during.raw, Buffer.from(' ')]);
    expect(anyV1(fresh, altered, during.header)).toBe(false);
    expect(anyV1(hook.secret, altered, during.header)).toBe(false);

    // Just before the end of the grace period: still both.
    s.t.clock.advance(2 * HOUR - 1000);
    expect((await deliverOne()).header.match(/v1=/g)).toHaveLength(2);

    // After it: only the new secret.
    s.t.clock.advance(2000);
    const after = await deliverOne();
    expect(after.header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhook(fresh, after.raw, after.header)).toBe(true);
    expect(anyV1(fresh, after.raw, after.header)).toBe(true);
    expect(verifyWebhook(hook.secret, after.raw, after.header)).toBe(false);
    expect(anyV1(hook.secret, after.raw, after.header)).toBe(false);
  });

  it("the docs' strict verifier (every v1, constant time) accepts either secret during the grace period", async () => {
    const html = (await s.t.app.inject({ method: 'GET', url: '/docs' })).body;
    const start = html.indexOf(
      "const { createHmac, timingSafeEqual } = require('crypto');\nfunction verifyWebhookStrict",
    );
    expect(start).toBeGreaterThan(0);
    const code = html
      .slice(start, html.indexOf('</pre>', start))
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    expect(code).toContain('timingSafeEqual');
    expect(code).toContain('toleranceSeconds');
    const strict = new Function('require', `${code}\nreturn verifyWebhookStrict;`)(
      createRequire(import.meta.url),
    ) as (secret: string, raw: string, header: string, tolerance?: number) => boolean;
    const hook = await s.register();
    const fresh = (await rotate(hook.id, { grace_hours: 1 })).json().secret as string;
    const d = await deliverOne();
    const raw = d.raw.toString('utf8');
    // The test clock is in 2026-04; the example compares with Date.now(), so the window is opened here.
    expect(strict(fresh, raw, d.header, Number.POSITIVE_INFINITY)).toBe(true);
    expect(strict(hook.secret, raw, d.header, Number.POSITIVE_INFINITY)).toBe(true);
    expect(strict('whsec_other', raw, d.header, Number.POSITIVE_INFINITY)).toBe(false);
    // And it rejects an old timestamp with the default 5 minutes.
    expect(strict(fresh, raw, d.header)).toBe(
      Math.abs(Date.now() / 1000 - Number(/t=(\d+)/.exec(d.header)?.[1])) <= 300,
    );
  });

  it('grace_hours 0 drops the old secret at once; the default grace is 24 hours', async () => {
    const hook = await s.register();
    const now = await rotate(hook.id, { grace_hours: 0 });
    expect(now.statusCode).toBe(200);
    expect(now.json().previous_secret_expires_at).toBeNull();
    const fresh = now.json().secret as string;
    const d = await deliverOne();
    expect(d.header.match(/v1=/g)).toHaveLength(1);
    expect(verifyWebhook(fresh, d.raw, d.header)).toBe(true);
    expect(anyV1(hook.secret, d.raw, d.header)).toBe(false);

    const byDefault = await rotate(hook.id, {});
    expect(byDefault.statusCode).toBe(200);
    expect(byDefault.json().previous_secret_expires_at).toBe(
      new Date(s.t.clock.now().getTime() + 24 * HOUR).toISOString(),
    );
    // A second rotation keeps only the secret it replaced as the old one.
    const d2 = await deliverOne();
    expect(anyV1(byDefault.json().secret, d2.raw, d2.header)).toBe(true);
    expect(anyV1(fresh, d2.raw, d2.header)).toBe(true);
    expect(anyV1(hook.secret, d2.raw, d2.header)).toBe(false);

    const noBody = await rotate(hook.id);
    expect(noBody.statusCode, noBody.body).toBe(200);
    expect(noBody.json().previous_secret_expires_at).toBe(
      new Date(s.t.clock.now().getTime() + 24 * HOUR).toISOString(),
    );
  });

  it("answers another developer's webhook exactly like a missing one", async () => {
    const hook = await s.register();
    const h = { ...s.other.headers, 'x-request-id': 'same' };
    const foreign = await rotate(hook.id, { grace_hours: 1 }, h);
    const missing = await rotate('wh_doesnotexist', { grace_hours: 1 }, h);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error_code).toBe('WEBHOOK_NOT_FOUND');
    expect(foreign.body).toBe(missing.body);
    // Nothing changed for the owner.
    const d = await deliverOne();
    expect(verifyWebhook(hook.secret, d.raw, d.header)).toBe(true);
    expect(d.header.match(/v1=/g)).toHaveLength(1);
    // A deleted webhook cannot be rotated either.
    await s.t.app.inject({
      method: 'DELETE',
      url: `/developers/webhooks/${hook.id}`,
      headers: s.dev.headers,
    });
    expect((await rotate(hook.id, {})).json().error_code).toBe('WEBHOOK_NOT_FOUND');
  });

  it('refuses a bad grace_hours with INVALID_FIELD', async () => {
    const hook = await s.register();
    for (const grace_hours of [-1, 169, 1.5, '24', null]) {
      const res = await rotate(hook.id, { grace_hours });
      expect(res.statusCode, JSON.stringify(grace_hours)).toBe(400);
      expect(res.json().error_code).toBe('INVALID_FIELD');
    }
    // Still the first secret.
    const d = await deliverOne();
    expect(verifyWebhook(hook.secret, d.raw, d.header)).toBe(true);
  });

  it('replays the same answer for the same Idempotency-Key (one rotation, not two)', async () => {
    const hook = await s.register();
    const headers = { ...s.dev.headers, 'idempotency-key': 'rotate-1' };
    const first = await rotate(hook.id, { grace_hours: 1 }, headers);
    const again = await rotate(hook.id, { grace_hours: 1 }, headers);
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().secret).toBe(first.json().secret);
    // The original secret is still the previous one: the replay did not rotate again.
    const d = await deliverOne();
    expect(anyV1(hook.secret, d.raw, d.header)).toBe(true);
    expect(anyV1(first.json().secret, d.raw, d.header)).toBe(true);
    const reused = await rotate(hook.id, { grace_hours: 2 }, headers);
    expect(reused.json().error_code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('spends the webhook-sends budget like the other webhook POSTs', async () => {
    await s.t.close();
    s.t = await createTestApp({ seed: false, env: { OPENDINAR_RATE_LIMIT_WEBHOOK_SENDS_PER_HOUR: '2' } });
    s.dev = await createDevSession(s.t.deps.db, s.t.clock);
    const hook = await s.register();
    expect((await rotate(hook.id, {})).statusCode).toBe(200);
    expect((await rotate(hook.id, {})).statusCode).toBe(200);
    const third = await rotate(hook.id, {});
    expect(third.statusCode).toBe(429);
    expect(third.json().error_code).toBe('RATE_LIMIT_EXCEEDED');
    s.t.clock.advance(HOUR + 1000);
    expect((await rotate(hook.id, {})).statusCode).toBe(200);
  });
});
