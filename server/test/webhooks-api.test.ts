import { describe, expect, it } from 'vitest';
import { runDispatcherOnce } from '../src/webhooks/dispatcher.js';
import { WEBHOOK_EVENT_TYPES } from '../src/webhooks/events.js';
import { enqueueWebhookEvent } from '../src/webhooks/outbox.js';
import { MAX_WEBHOOKS_PER_DEVELOPER } from '../src/webhooks/routes.js';
import { useWebhookSuite } from './helpers/webhook-suite.js';

describe('developer webhooks API', () => {
  const s = useWebhookSuite();

  const register = (headers: { authorization: string }, payload: Record<string, unknown>) =>
    s.t.app.inject({ method: 'POST', url: '/developers/webhooks', headers, payload });

  it('needs a developer session', async () => {
    const res = await s.t.app.inject({ method: 'GET', url: '/developers/webhooks' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error_code).toBe('MISSING_DEV_TOKEN');
    const bad = await s.t.app.inject({
      method: 'GET',
      url: '/developers/webhooks',
      headers: { authorization: 'Bearer devses_nope' },
    });
    expect(bad.json().error_code).toBe('INVALID_DEV_TOKEN');
  });

  it('registers a webhook, shows the secret once and keeps it sealed', async () => {
    const res = await register(s.dev.headers, { url: s.receiver.url });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.id).toMatch(/^wh_[A-Za-z0-9]+$/);
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
    expect(body.url).toBe(s.receiver.url);
    expect(body.events).toEqual([...WEBHOOK_EVENT_TYPES]);
    expect(Number.isNaN(Date.parse(body.created_at))).toBe(false);

    const row = await s.t.deps.db
      .selectFrom('webhooks')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(row.secret_enc).not.toContain(body.secret);
    expect(s.t.deps.box.open(row.secret_enc)).toBe(body.secret);
    expect(JSON.parse(row.events)).toEqual([]); // [] = all, including types added later

    const list = await s.t.app.inject({ method: 'GET', url: '/developers/webhooks', headers: s.dev.headers });
    expect(list.json()).toEqual({
      webhooks: [
        { id: body.id, url: s.receiver.url, events: body.events, enabled: true, created_at: body.created_at },
      ],
    });
    expect(list.body).not.toContain('whsec_');
  });

  it('validates events and url', async () => {
    const ok = await register(s.dev.headers, {
      url: s.receiver.url,
      events: ['ITEM.CONNECTION_REVOKED', 'ITEM.CONNECTION_REVOKED'],
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().events).toEqual(['ITEM.CONNECTION_REVOKED']);
    const empty = await register(s.dev.headers, { url: s.receiver.url, events: [] });
    expect(empty.json().events).toEqual([...WEBHOOK_EVENT_TYPES]);

    const unknown = await register(s.dev.headers, { url: s.receiver.url, events: ['ITEM.EXPLODED'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error_code).toBe('INVALID_FIELD');
    expect(unknown.json().error_message).toContain('ITEM.EXPLODED');
    const notArray = await register(s.dev.headers, { url: s.receiver.url, events: { a: 1 } });
    expect(notArray.json().error_code).toBe('INVALID_FIELD');
    const missing = await register(s.dev.headers, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error_code).toBe('MISSING_FIELDS');
    const notString = await register(s.dev.headers, { url: 42 });
    expect(notString.statusCode).toBe(400);
    const creds = await register(s.dev.headers, { url: 'http://u:p@127.0.0.1:9/x' });
    expect(creds.json().error_code).toBe('INVALID_WEBHOOK_URL');
  });

  it('caps webhooks per developer', async () => {
    const ids: string[] = [];
    for (let i = 0; i < MAX_WEBHOOKS_PER_DEVELOPER; i++) {
      const res = await register(s.dev.headers, { url: `${s.receiver.url}?n=${i}` });
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    const over = await register(s.dev.headers, { url: s.receiver.url });
    expect(over.statusCode).toBe(400);
    expect(over.json().error_code).toBe('INVALID_FIELD');
    expect((await register(s.other.headers, { url: s.receiver.url })).statusCode).toBe(201);
    await s.t.app.inject({ method: 'DELETE', url: `/developers/webhooks/${ids[0]}`, headers: s.dev.headers });
    expect((await register(s.dev.headers, { url: s.receiver.url })).statusCode).toBe(201);
  });

  it('scopes list and delete to the developer, and cancels queued deliveries on delete', async () => {
    const mine = (await register(s.dev.headers, { url: s.receiver.url })).json();
    const theirs = (await register(s.other.headers, { url: s.receiver.url })).json();
    const list = (
      await s.t.app.inject({ method: 'GET', url: '/developers/webhooks', headers: s.dev.headers })
    ).json();
    expect(list.webhooks.map((w: { id: string }) => w.id)).toEqual([mine.id]);

    const foreign = await s.t.app.inject({
      method: 'DELETE',
      url: `/developers/webhooks/${theirs.id}`,
      headers: s.dev.headers,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error_code).toBe('WEBHOOK_NOT_FOUND');
    const unknown = await s.t.app.inject({
      method: 'DELETE',
      url: '/developers/webhooks/wh_nope',
      headers: s.dev.headers,
    });
    expect(unknown.json().error_code).toBe('WEBHOOK_NOT_FOUND');

    await s.t.deps.db.transaction().execute((trx) =>
      enqueueWebhookEvent(trx, s.t.clock, {
        developerId: s.dev.developerId,
        environment: 'sandbox',
        type: 'ITEM.CONNECTION_REVOKED',
        fields: { connection_id: 'conn_x', bank_id: 'raiffeisen', user_id: 'u1' },
      }),
    );
    const del = await s.t.app.inject({
      method: 'DELETE',
      url: `/developers/webhooks/${mine.id}`,
      headers: s.dev.headers,
    });
    expect(del.statusCode).toBe(200);
    expect(del.json()).toEqual({ id: mine.id, status: 'deleted' });
    const again = await s.t.app.inject({
      method: 'DELETE',
      url: `/developers/webhooks/${mine.id}`,
      headers: s.dev.headers,
    });
    expect(again.json().error_code).toBe('WEBHOOK_NOT_FOUND');
    expect(
      (await s.t.app.inject({ method: 'GET', url: '/developers/webhooks', headers: s.dev.headers })).json(),
    ).toEqual({ webhooks: [] });

    const summary = await runDispatcherOnce(s.t.deps);
    expect(summary.claimed).toBe(0);
    expect(s.receiver.received).toHaveLength(0);
    const rows = await s.t.deps.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('webhook_id', '=', mine.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe('failed');
    expect(rows[0]?.last_error).toBe('webhook deleted');
  });

  it('routes events by the events filter and developer', async () => {
    const all = (await register(s.dev.headers, { url: `${s.receiver.url}?all` })).json();
    const revokedOnly = (
      await register(s.dev.headers, { url: `${s.receiver.url}?revoked`, events: ['ITEM.CONNECTION_REVOKED'] })
    ).json();
    await register(s.other.headers, { url: `${s.receiver.url}?other` });
    await s.t.deps.db.transaction().execute(async (trx) => {
      await enqueueWebhookEvent(trx, s.t.clock, {
        developerId: s.dev.developerId,
        environment: 'sandbox',
        type: 'AUTH.AUTOMATICALLY_VERIFIED',
        fields: { connection_id: 'conn_a', bank_id: 'raiffeisen', user_id: 'user_123' },
      });
      await enqueueWebhookEvent(trx, s.t.clock, {
        developerId: s.dev.developerId,
        environment: 'sandbox',
        type: 'ITEM.CONNECTION_REVOKED',
        fields: { connection_id: 'conn_a', bank_id: 'raiffeisen', user_id: 'user_123' },
      });
    });
    const summary = await runDispatcherOnce(s.t.deps);
    expect(summary).toEqual({ claimed: 3, succeeded: 3, retrying: 0, failed: 0 });
    const got = s.receiver.received
      .map((r) => `${r.url} ${JSON.parse(r.raw.toString()).webhook_code}`)
      .sort();
    expect(got).toEqual([
      '/hooks?all AUTOMATICALLY_VERIFIED',
      '/hooks?all CONNECTION_REVOKED',
      '/hooks?revoked CONNECTION_REVOKED',
    ]);

    const deliveries = await s.t.app.inject({
      method: 'GET',
      url: `/developers/webhooks/${revokedOnly.id}/deliveries`,
      headers: s.dev.headers,
    });
    expect(deliveries.statusCode).toBe(200);
    const [d] = deliveries.json().deliveries;
    expect(deliveries.json().deliveries).toHaveLength(1);
    expect(d).toMatchObject({
      event_type: 'ITEM.CONNECTION_REVOKED',
      status: 'succeeded',
      attempts: 1,
      last_status_code: 200,
      next_attempt_at: null,
    });
    expect(d.id).toMatch(/^dlv_/);
    expect(d.event_id).toMatch(/^evt_/);
    expect(d.last_attempt_at).toBe(s.t.clock.now().toISOString());
    expect(all.id).not.toBe(revokedOnly.id);
  });

  it('lists deliveries newest first with a limit, only for the owner', async () => {
    const wh = (await register(s.dev.headers, { url: s.receiver.url })).json();
    for (let i = 0; i < 3; i++) {
      await s.t.app.inject({
        method: 'POST',
        url: `/developers/webhooks/${wh.id}/test`,
        headers: s.dev.headers,
      });
      s.t.clock.advance(1000);
    }
    const res = await s.t.app.inject({
      method: 'GET',
      url: `/developers/webhooks/${wh.id}/deliveries?limit=2`,
      headers: s.dev.headers,
    });
    const ds = res.json().deliveries;
    expect(ds).toHaveLength(2);
    expect(ds[0].created_at > ds[1].created_at).toBe(true);
    expect(ds[0]).toMatchObject({
      event_type: 'WEBHOOK.TEST',
      status: 'pending',
      attempts: 0,
      last_status_code: null,
    });
    const bad = await s.t.app.inject({
      method: 'GET',
      url: `/developers/webhooks/${wh.id}/deliveries?limit=0`,
      headers: s.dev.headers,
    });
    expect(bad.json().error_code).toBe('INVALID_FIELD');
    const foreign = await s.t.app.inject({
      method: 'GET',
      url: `/developers/webhooks/${wh.id}/deliveries`,
      headers: s.other.headers,
    });
    expect(foreign.json().error_code).toBe('WEBHOOK_NOT_FOUND');
  });

  it('sends a test event to that webhook only, and retries a delivery as a new one with the same event_id', async () => {
    const a = (await register(s.dev.headers, { url: `${s.receiver.url}?a` })).json();
    await register(s.dev.headers, { url: `${s.receiver.url}?b` });
    const res = await s.t.app.inject({
      method: 'POST',
      url: `/developers/webhooks/${a.id}/test`,
      headers: s.dev.headers,
    });
    expect(res.statusCode).toBe(202);
    const queued = res.json();
    expect(queued).toMatchObject({ status: 'pending' });
    expect(queued.delivery_id).toMatch(/^dlv_/);
    await runDispatcherOnce(s.t.deps);
    expect(s.receiver.received).toHaveLength(1);
    expect(s.receiver.received[0]?.url).toBe('/hooks?a');
    const body = JSON.parse(s.receiver.received[0]?.raw.toString() ?? '');
    expect(body).toMatchObject({
      webhook_type: 'WEBHOOK',
      webhook_code: 'TEST',
      webhook_id: a.id,
      event_id: queued.event_id,
      environment: 'sandbox',
    });

    const foreignTest = await s.t.app.inject({
      method: 'POST',
      url: `/developers/webhooks/${a.id}/test`,
      headers: s.other.headers,
    });
    expect(foreignTest.json().error_code).toBe('WEBHOOK_NOT_FOUND');
    const foreignRetry = await s.t.app.inject({
      method: 'POST',
      url: `/developers/webhooks/${a.id}/deliveries/${queued.delivery_id}/retry`,
      headers: s.other.headers,
    });
    expect(foreignRetry.json().error_code).toBe('WEBHOOK_NOT_FOUND');
    const unknownDelivery = await s.t.app.inject({
      method: 'POST',
      url: `/developers/webhooks/${a.id}/deliveries/dlv_nope/retry`,
      headers: s.dev.headers,
    });
    expect(unknownDelivery.statusCode).toBe(404);
    expect(unknownDelivery.json().error_code).toBe('DELIVERY_NOT_FOUND');

    s.t.clock.advance(1000);
    const retry = await s.t.app.inject({
      method: 'POST',
      url: `/developers/webhooks/${a.id}/deliveries/${queued.delivery_id}/retry`,
      headers: s.dev.headers,
    });
    expect(retry.statusCode).toBe(202);
    expect(retry.json().event_id).toBe(queued.event_id);
    expect(retry.json().delivery_id).not.toBe(queued.delivery_id);
    await runDispatcherOnce(s.t.deps);
    expect(s.receiver.received).toHaveLength(2);
    expect(s.receiver.received[1]?.headers['opendinar-event-id']).toBe(queued.event_id);
    const list = (
      await s.t.app.inject({
        method: 'GET',
        url: `/developers/webhooks/${a.id}/deliveries`,
        headers: s.dev.headers,
      })
    ).json();
    expect(list.deliveries.map((d: { id: string; status: string }) => [d.id, d.status])).toEqual([
      [retry.json().delivery_id, 'succeeded'],
      [queued.delivery_id, 'succeeded'],
    ]);
  });
});
