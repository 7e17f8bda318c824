import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWebhookUrl } from '../src/webhooks/url-guard.js';
import { devAuth, type Registered, registerDeveloper } from './developers-helpers.js';
import { createTestApp, type TestApp } from './helpers/app.js';

// Issue 12 item 7 (part): webhook URLs on 443/8443 only, stored normalised.
describe('webhook URL ports', () => {
  it.each([
    ['https://hooks.example.com/x', true],
    ['https://hooks.example.com:443/x', true],
    ['https://hooks.example.com:8443/x', true],
    ['https://hooks.example.com:22/x', false],
    ['https://hooks.example.com:6379/x', false],
    ['https://hooks.example.com:8080/x', false],
  ])('%s → %s', (url, ok) => {
    expect(checkWebhookUrl(url, { allowPrivate: false }).ok).toBe(ok);
  });
  it('any port with OPENDINAR_WEBHOOK_ALLOW_PRIVATE (local development)', () => {
    expect(checkWebhookUrl('http://localhost:4000/x', { allowPrivate: true }).ok).toBe(true);
  });
});

describe('POST /developers/webhooks', () => {
  let t: TestApp;
  let dev: Registered;
  beforeAll(async () => {
    t = await createTestApp({ env: { OPENDINAR_WEBHOOK_ALLOW_PRIVATE: 'false' } });
    dev = await registerDeveloper(t.app);
  });
  afterAll(async () => t.close());

  const create = (url: string) =>
    t.app.inject({
      method: 'POST',
      url: '/developers/webhooks',
      headers: devAuth(dev.token),
      payload: { url, events: ['TRANSACTIONS.SYNC_UPDATES_AVAILABLE'] },
    });

  it('refuses a non-TLS port in the documented shape', async () => {
    const res = await create('https://hooks.example.com:2375/x');
    expect(res.statusCode).toBe(400);
    expect(res.json().error_code).toBe('INVALID_WEBHOOK_URL');
    expect(res.json().error_message).toContain('443 or 8443');
  });

  it('stores and answers the URL normalised', async () => {
    const res = await create('https://HOOKS.Example.COM:443/a/../b');
    expect(res.statusCode).toBe(201);
    expect(res.json().url).toBe('https://hooks.example.com/b');
    const list = await t.app.inject({
      method: 'GET',
      url: '/developers/webhooks',
      headers: devAuth(dev.token),
    });
    expect(JSON.stringify(list.json())).toContain('https://hooks.example.com/b');
  });
});
