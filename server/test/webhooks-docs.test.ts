import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERIFY_WEBHOOK_EXAMPLE } from '../src/docs/sections/webhooks.js';
import { runDispatcherOnce } from '../src/webhooks/dispatcher.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { createDevSession, type Receiver, startReceiver } from './helpers/webhooks.js';

const require = createRequire(import.meta.url);

describe('/docs webhooks section', () => {
  let t: TestApp;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  it('carries the docs’ verifyWebhook example verbatim (the same text the signature tests run)', () => {
    const file = readFileSync(new URL('./helpers/docs-verify-webhook.cjs', import.meta.url), 'utf8');
    const code = file
      .split('\n')
      .filter((l) => !l.startsWith('//') && !l.startsWith('module.exports') && l !== '')
      .join('\n');
    expect(code).toBe(VERIFY_WEBHOOK_EXAMPLE);
  });

  it('is served at /docs with events, retry schedule, replay window and the example', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<section id="webhooks">');
    for (const s of [
      'AUTH.AUTOMATICALLY_VERIFIED',
      'ITEM.CONNECTION_REVOKED',
      'TRANSACTIONS.SYNC_UPDATES_AVAILABLE',
      'WEBHOOK.TEST',
    ]) {
      expect(html).toContain(s);
    }
    expect(html).toContain('more than 5 minutes old');
    expect(html).toContain('up to 30 s');
    expect(html).toContain('capped at\n6 h');
    expect(html).toContain('function verifyWebhook(secret, rawBody, signatureHeader) {');
    expect(html).toContain("split(',').map(p =&gt; p.split('='))");
    expect(html).toContain('/developers/webhooks/:id/deliveries/:delivery_id/retry');
  });

  it('the example, evaluated exactly as printed, verifies a real delivery', async () => {
    const verifyWebhook = new Function('require', `${VERIFY_WEBHOOK_EXAMPLE}\nreturn verifyWebhook;`)(
      require,
    ) as (secret: string, raw: string, header: string) => boolean;
    const { headers } = await createDevSession(t.deps.db, t.clock);
    const wh = (
      await t.app.inject({
        method: 'POST',
        url: '/developers/webhooks',
        headers,
        payload: { url: receiver.url },
      })
    ).json();
    await t.app.inject({ method: 'POST', url: `/developers/webhooks/${wh.id}/test`, headers });
    await runDispatcherOnce(t.deps);
    const req = receiver.received[0]!;
    expect(
      verifyWebhook(wh.secret, req.raw.toString('utf8'), String(req.headers['opendinar-signature'])),
    ).toBe(true);
    expect(
      verifyWebhook(wh.secret, `${req.raw.toString('utf8')} `, String(req.headers['opendinar-signature'])),
    ).toBe(false);
  });
});
