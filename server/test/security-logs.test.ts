import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { scrubSecrets } from '../src/http/logging.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { type Receiver, startReceiver } from './helpers/webhooks.js';
import { bearer, needles, runFullFlow, type Tenant } from './security-flow.js';

/** Every line the app logs, at the chattiest level. */
function memoryLog(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

describe('no secret reaches the logs', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let receiver: Receiver;
  let log: ReturnType<typeof memoryLog>;
  let tenant: Tenant;
  const extra: string[] = [];

  beforeAll(async () => {
    receiver = await startReceiver();
    t = await createTestApp();
    log = memoryLog();
    // The same buildApp main.ts uses, so the same redaction; only the destination differs.
    app = await buildApp(t.deps, { logger: { level: 'trace', stream: log.stream } });
    await app.ready();
    tenant = await runFullFlow(app, t.deps, receiver, 'logged');

    // Secrets in places the flow does not put them: a failed login, a refused key, a cookie,
    // a CSRF header, a secret in a query string and an unknown route, and an unexpected error.
    const wrongPassword = 'wrong-Password-xY7!-never-logged';
    extra.push(wrongPassword);
    await app.inject({
      method: 'POST',
      url: '/developers/login',
      remoteAddress: '10.66.0.1',
      payload: { email: tenant.email, password: wrongPassword },
    });
    const badKey = 'od_test_sk_ZZnotARealKeyButSecretLooking42';
    extra.push(badKey);
    await app.inject({ method: 'GET', url: '/accounts', headers: bearer(badKey) });
    await app.inject({
      method: 'GET',
      url: '/developers/me',
      headers: { cookie: `od_devses=${tenant.session}; od_csrf=abc`, 'x-csrf-token': 'csrf-secret-value' },
    });
    extra.push('csrf-secret-value');
    await app.inject({ method: 'GET', url: `/no/such/route/${tenant.key}?token=${tenant.session}` });
    await app.inject({
      method: 'GET',
      url: `/connect/status/${tenant.pendingSession}?api_key=${tenant.key}`,
    });
  });
  afterAll(async () => {
    await app.close();
    await t.close();
    await receiver.close();
  });

  it('logs the requests (the capture works)', () => {
    expect(log.lines.length).toBeGreaterThan(20);
    const parsed = log.lines.map((l) => JSON.parse(l) as { msg?: string; req?: { url?: string } });
    expect(parsed.some((l) => l.msg === 'incoming request' && l.req?.url === '/developers/register')).toBe(
      true,
    );
    expect(parsed.some((l) => l.req?.url?.startsWith('/connect/status/'))).toBe(true);
  });

  it('contains none of the secrets: passwords, keys, session/public/link tokens, webhook secret', () => {
    const text = log.lines.join('\n');
    const leaks: string[] = [];
    for (const secret of [...tenant.secrets, ...extra.map((value) => ({ name: value, value }))]) {
      for (const needle of needles(secret))
        if (text.includes(needle)) leaks.push(`${secret.name}: ${needle}`);
    }
    expect(leaks).toEqual([]);
  });

  it('redacts secret-bearing fields wherever they are logged', () => {
    const sample = {
      headers: { authorization: 'Bearer od_test_sk_h1', cookie: 'od_devses=devses_h2', 'x-csrf-token': 'c1' },
      upstream: { headers: { authorization: 'Bearer h3', 'set-cookie': 'od_devses=h4' } },
      body: {
        password: 'p1',
        secret: 's1',
        key: 'k1',
        session_token: 'st1',
        public_token: 'pt1',
        link_token: 'lt1',
      },
      password: 'p2',
      note: 'the key is od_live_sk_abcdefgh12345678 and the hook secret whsec_abcdefgh12345678',
    };
    app.log.info(sample, 'redaction sample');
    const line = log.lines.find((l) => l.includes('redaction sample')) ?? '';
    expect(line).not.toBe('');
    for (const value of [
      'od_test_sk_h1',
      'devses_h2',
      'c1',
      'h3',
      'h4',
      'p1',
      's1',
      'k1',
      'st1',
      'pt1',
      'lt1',
      'p2',
    ]) {
      expect(line, value).not.toContain(`${value}"`);
    }
    // Free text is not a field we can name: tokens are scrubbed from error messages and URLs only.
    expect(line).toContain('[redacted]');
  });

  it('scrubs tokens from logged URLs and error messages, keeping the prefix for debugging', () => {
    const urls = log.lines
      .map((l) => (JSON.parse(l) as { req?: { url?: string } }).req?.url)
      .filter((u): u is string => typeof u === 'string');
    expect(urls).toContain('/connect/status/sess_[redacted]');
    expect(urls.some((u) => u === '/sandbox/auth.html?session_token=sess_[redacted]')).toBe(true);
    // Field names that look like prefixes are left alone.
    expect(scrubSecrets('/x?public_token=1&link_token=2')).toBe('/x?public_token=1&link_token=2');
    expect(scrubSecrets('duplicate key od_live_sk_abcdefgh12345678')).toBe(
      'duplicate key od_live_sk_[redacted]',
    );
  });
});
