// The dashboard's webhook views: the event list with payloads, every attempt of a delivery, editing
// an endpoint's URL and events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDispatcherOnce } from '../src/webhooks/dispatcher.js';
import { devAuth, type Registered, registerDeveloper } from './developers-helpers.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { type Receiver, startReceiver } from './helpers/webhooks.js';

let t: TestApp;
let ana: Registered;
let bob: Registered;
let receiver: Receiver;
let hookId: string;
beforeAll(async () => {
  t = await createTestApp();
  ana = await registerDeveloper(t.app);
  bob = await registerDeveloper(t.app);
  receiver = await startReceiver(() => 500);
  const res = await t.app.inject({
    method: 'POST',
    url: '/developers/webhooks',
    headers: devAuth(ana.token),
    payload: { url: receiver.url },
  });
  hookId = res.json().id;
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

const req = (token: string, method: 'GET' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: { ...devAuth(token), 'x-request-id': 'r' },
    ...(payload ? { payload } : {}),
  });

describe('webhook inspection', () => {
  it('lists events with payloads and every attempt of a delivery', async () => {
    const test = await t.app.inject({
      method: 'POST',
      url: `/developers/webhooks/${hookId}/test`,
      headers: devAuth(ana.token),
      payload: {},
    });
    expect(test.statusCode).toBe(202);
    const deliveryId = test.json().delivery_id as string;
    await runDispatcherOnce(t.deps);
    await receiver.waitFor(1);
    const events = (await req(ana.token, 'GET', '/developers/webhooks/events')).json().events;
    expect(events[0]).toMatchObject({
      id: expect.stringMatching(/^evt_/),
      type: expect.any(String),
      payload: expect.any(Object),
    });
    expect((await req(bob.token, 'GET', '/developers/webhooks/events')).json().events).toEqual([]);

    const attempts = await req(
      ana.token,
      'GET',
      `/developers/webhooks/${hookId}/deliveries/${deliveryId}/attempts`,
    );
    expect(attempts.json().attempts).toEqual([
      {
        attempted_at: expect.any(String),
        status_code: 500,
        error: 'HTTP 500',
        duration_ms: expect.any(Number),
        response_body: 'ok',
      },
    ]);
    const foreign = await req(
      bob.token,
      'GET',
      `/developers/webhooks/${hookId}/deliveries/${deliveryId}/attempts`,
    );
    const missing = await req(
      bob.token,
      'GET',
      `/developers/webhooks/${hookId}/deliveries/dlv_nope/attempts`,
    );
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(missing.body);
  });

  it('edits the URL and events; refuses bad ones and other developers', async () => {
    const res = await req(ana.token, 'PATCH', `/developers/webhooks/${hookId}`, {
      url: 'https://example.com/new-hook',
      events: ['ITEM.CONNECTION_REVOKED'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: hookId,
      url: 'https://example.com/new-hook',
      events: ['ITEM.CONNECTION_REVOKED'],
    });
    expect(
      (await req(ana.token, 'PATCH', `/developers/webhooks/${hookId}`, { url: 'ftp://x' })).json().error_code,
    ).toBe('INVALID_WEBHOOK_URL');
    expect(
      (await req(ana.token, 'PATCH', `/developers/webhooks/${hookId}`, { events: ['NOPE'] })).json()
        .error_code,
    ).toBe('INVALID_FIELD');
    const foreign = await req(bob.token, 'PATCH', `/developers/webhooks/${hookId}`, {
      url: 'https://example.com/x',
    });
    const missing = await req(bob.token, 'PATCH', '/developers/webhooks/wh_nope', {
      url: 'https://example.com/x',
    });
    expect(foreign.json().error_code).toBe('WEBHOOK_NOT_FOUND');
    expect(foreign.body).toBe(missing.body);
    const listed = (await req(ana.token, 'GET', '/developers/webhooks')).json().webhooks;
    expect(listed[0].url).toBe('https://example.com/new-hook');
  });
});
