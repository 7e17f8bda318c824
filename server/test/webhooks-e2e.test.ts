import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDispatcherOnce } from '../src/webhooks/dispatcher.js';
import { auth, createTestApp, DEMO_KEY, MANI_KEY, type TestApp } from './helpers/app.js';
import { createDevSession, type Receiver, startReceiver } from './helpers/webhooks.js';

/** Real API changes produce webhook events through the outbox (the producers belong to other domains). */
describe('webhooks from API changes', () => {
  let t: TestApp;
  let receiver: Receiver;
  let secret: string;

  beforeAll(async () => {
    t = await createTestApp();
    receiver = await startReceiver();
    // The seeded Mani App key belongs to dev_mani_app.
    const { headers } = await createDevSession(t.deps.db, t.clock, { developerId: 'dev_mani_app' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/developers/webhooks',
      headers,
      payload: { url: receiver.url },
    });
    expect(res.statusCode).toBe(201);
    ({ secret } = res.json());
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  const bodies = () =>
    receiver.received.map((r) => JSON.parse(r.raw.toString('utf8')) as Record<string, unknown>);

  it('DELETE /connections/:id sends ITEM.CONNECTION_REVOKED with the documented fields', async () => {
    const del = await t.app.inject({
      method: 'DELETE',
      url: '/connections/conn_rai_001',
      headers: auth(MANI_KEY),
    });
    expect(del.statusCode).toBe(200);
    await runDispatcherOnce(t.deps);
    const body = bodies().find((b) => b.webhook_code === 'CONNECTION_REVOKED');
    expect(body).toBeDefined();
    expect(Object.keys(body!).sort()).toEqual([
      'bank_id',
      'connection_id',
      'environment',
      'event_id',
      'timestamp',
      'user_id',
      'webhook_code',
      'webhook_type',
    ]);
    expect(body).toMatchObject({
      webhook_type: 'ITEM',
      connection_id: 'conn_rai_001',
      bank_id: 'raiffeisen',
      user_id: 'user_123',
      environment: 'sandbox',
      timestamp: Math.floor(t.clock.now().getTime() / 1000),
    });
    expect(secret).toMatch(/^whsec_/);
  });

  it('POST /sandbox/connections sends AUTH.AUTOMATICALLY_VERIFIED; another developer’s changes send nothing here', async () => {
    receiver.received.length = 0;
    const created = await t.app.inject({
      method: 'POST',
      url: '/sandbox/connections',
      headers: auth(MANI_KEY),
      payload: {
        bank_id: 'erste',
        user_id: 'user_w',
        accounts: [{ name: 'Tekući', type: 'current', currency: 'RSD', transactions: [] }],
      },
    });
    expect(created.statusCode).toBe(201);
    const other = await t.app.inject({
      method: 'POST',
      url: '/sandbox/connections',
      headers: auth(DEMO_KEY),
      payload: {
        bank_id: 'aik',
        user_id: 'user_x',
        accounts: [{ name: 'Tekući', type: 'current', currency: 'RSD', transactions: [] }],
      },
    });
    expect(other.statusCode).toBe(201);
    await runDispatcherOnce(t.deps);
    expect(bodies()).toEqual([
      expect.objectContaining({
        webhook_type: 'AUTH',
        webhook_code: 'AUTOMATICALLY_VERIFIED',
        connection_id: created.json().connection_id,
        bank_id: 'erste',
        user_id: 'user_w',
      }),
    ]);
  });
});
