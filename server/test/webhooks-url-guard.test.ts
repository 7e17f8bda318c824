import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkWebhookUrl, isPublicAddress } from '../src/webhooks/url-guard.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { createDevSession } from './helpers/webhooks.js';

/** [url, accepted?] with OPENDINAR_WEBHOOK_ALLOW_PRIVATE off (the production setting). */
const TABLE: [string, boolean][] = [
  // accepted: public https targets
  ['https://example.com/webhooks', true],
  ['https://hooks.mani.rs:8443/opendinar?x=1', true],
  ['https://8.8.8.8/hook', true],
  ['https://[2606:4700:4700::1111]/hook', true],
  ['https://[::ffff:8.8.8.8]/hook', true], // IPv4-mapped public address
  ['https://[64:ff9b::808:808]/hook', true], // NAT64 of 8.8.8.8
  ['https://EXAMPLE.com./x', true],
  // scheme and form
  ['http://example.com/webhooks', false],
  ['ftp://example.com/x', false],
  ['javascript:alert(1)', false],
  ['not a url', false],
  ['//example.com/x', false],
  ['https://user:pass@example.com/x', false],
  ['https://user@example.com/x', false],
  // names
  ['https://localhost/x', false],
  ['https://LOCALHOST./x', false],
  ['https://api.localhost/x', false],
  ['https://printer.local/x', false],
  ['https://metadata.google.internal/x', false],
  ['https://router.home.arpa/x', false],
  ['https://intranet/x', false],
  // IPv4 loopback / private / special, in every spelling
  ['https://127.0.0.1/x', false],
  ['https://2130706433/x', false],
  ['https://0x7f000001/x', false],
  ['https://0177.0.0.1/x', false],
  ['https://127.1/x', false],
  ['https://0/x', false],
  ['https://0.0.0.0/x', false],
  ['https://10.0.0.5/x', false],
  ['https://172.16.3.4/x', false],
  ['https://192.168.1.1/x', false],
  ['https://169.254.169.254/latest/meta-data', false],
  ['https://100.64.0.1/x', false],
  ['https://224.0.0.1/x', false],
  ['https://255.255.255.255/x', false],
  ['https://192.0.2.10/x', false], // TEST-NET-1 (documentation)
  ['https://198.51.100.7/x', false], // TEST-NET-2
  ['https://203.0.113.9/x', false], // TEST-NET-3
  ['https://198.18.0.1/x', false], // benchmarking
  ['https://240.0.0.1/x', false], // reserved
  ['https://192.0.0.8/x', false], // IETF protocol assignments
  // IPv6
  ['https://[::1]/x', false],
  ['https://[::]/x', false],
  ['https://[fc00::1]/x', false],
  ['https://[fd12:3456::1]/x', false],
  ['https://[fe80::1]/x', false],
  ['https://[ff02::1]/x', false],
  ['https://[::ffff:127.0.0.1]/x', false],
  ['https://[::ffff:10.1.2.3]/x', false],
  ['https://[::ffff:169.254.169.254]/x', false],
  ['https://[64:ff9b::10.0.0.1]/x', false], // NAT64 of a private address
  ['https://[64:ff9b::127.0.0.1]/x', false],
  ['https://[2001:db8::1]/x', false], // documentation
  ['https://[::127.0.0.1]/x', false], // deprecated IPv4-compatible form
  ['https://[2002:7f00:1::1]/x', false], // 6to4 (embeds 127.0.0.1)
  ['https://[2001:0::1]/x', false], // Teredo
  ['https://[fec0::1]/x', false], // site-local
];

describe('webhook URL guard (allow-private off)', () => {
  it('has a table of at least 30 cases', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(30);
    expect(TABLE.filter(([, ok]) => ok).length).toBeGreaterThanOrEqual(5);
  });

  it.each(TABLE)('%s → accepted=%s', (url, accepted) => {
    expect(checkWebhookUrl(url, { allowPrivate: false }).ok).toBe(accepted);
  });

  it('allow-private admits http and loopback but still refuses credentials and odd schemes', () => {
    expect(checkWebhookUrl('http://127.0.0.1:4000/hook', { allowPrivate: true }).ok).toBe(true);
    expect(checkWebhookUrl('http://localhost:4000/hook', { allowPrivate: true }).ok).toBe(true);
    expect(checkWebhookUrl('http://a:b@127.0.0.1/hook', { allowPrivate: true }).ok).toBe(false);
    expect(checkWebhookUrl('ftp://127.0.0.1/hook', { allowPrivate: true }).ok).toBe(false);
  });

  it('classifies resolved addresses the same way delivery sees them', () => {
    for (const a of ['8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])
      expect(isPublicAddress(a), a).toBe(true);
    for (const a of [
      '127.0.0.1',
      '10.1.1.1',
      '::1',
      'fe80::1',
      '::ffff:127.0.0.1',
      '64:ff9b::a00:1',
      '100.64.1.1',
      'garbage',
    ]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });
});

describe('POST /developers/webhooks refuses the same URLs (allow-private off)', () => {
  let t: TestApp;
  let headers: { authorization: string };
  beforeAll(async () => {
    t = await createTestApp({ config: { webhookAllowPrivate: false } });
    ({ headers } = await createDevSession(t.deps.db, t.clock));
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 201 or INVALID_WEBHOOK_URL for every row of the table', async () => {
    for (const [url, accepted] of TABLE) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/developers/webhooks',
        headers,
        payload: { url },
      });
      if (accepted) {
        expect(res.statusCode, url).toBe(201);
      } else {
        expect(res.statusCode, url).toBe(400);
        expect(res.json().error_code, url).toBe('INVALID_WEBHOOK_URL');
      }
    }
  });
});
