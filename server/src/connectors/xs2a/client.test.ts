import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffMs, Xs2aClient } from './client.js';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('XS2A client', () => {
  it('backs off exponentially with full jitter, capped', () => {
    const p = { baseDelayMs: 250, maxDelayMs: 4000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, { ...p, random: () => 0.999999 }))).toEqual([
      249, 499, 999, 1999, 3999, 3999,
    ]);
    expect(backoffMs(3, { ...p, random: () => 0 })).toBe(0);
  });

  describe.skipIf(!hasOpenssl)('mTLS (QWAC) from the configured PEM files', () => {
    let dir: string;
    let server: ReturnType<typeof createHttpsServer>;
    let port = 0;
    const seen: Array<{ subject: string | undefined; headers: Record<string, unknown> }> = [];

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'od-mtls-'));
      const self = (name: string, cn: string) =>
        execFileSync(
          'openssl',
          [
            'req',
            '-x509',
            '-newkey',
            'rsa:2048',
            '-nodes',
            '-days',
            '1',
            '-subj',
            `/CN=${cn}`,
            '-addext',
            'subjectAltName=IP:127.0.0.1',
            '-keyout',
            join(dir, `${name}.key`),
            '-out',
            join(dir, `${name}.pem`),
          ],
          { stdio: 'ignore' },
        );
      self('bank', '127.0.0.1');
      self('tpp', 'OpenDinar TPP');
      server = createHttpsServer(
        {
          key: readFileSync(join(dir, 'bank.key')),
          cert: readFileSync(join(dir, 'bank.pem')),
          ca: readFileSync(join(dir, 'tpp.pem')),
          requestCert: true,
          rejectUnauthorized: true,
        },
        (req, res) => {
          const cert = (req.socket as TLSSocket).getPeerCertificate();
          seen.push({ subject: cert?.subject?.CN?.toString(), headers: req.headers });
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"accounts":[]}');
        },
      );
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(async () => {
      await new Promise((r) => server?.close(r));
      rmSync(dir, { recursive: true, force: true });
    });

    it('presents the client certificate and trusts the configured CA; X-Request-ID, Consent-ID, PSU-IP-Address sent', async () => {
      const client = new Xs2aClient({
        baseUrl: `https://127.0.0.1:${port}/xs2a`,
        xs2aVersion: '1.3.11',
        profile: 'standard',
        tls: { cert: join(dir, 'tpp.pem'), key: join(dir, 'tpp.key'), ca: join(dir, 'bank.pem') },
      });
      const res = await client.send({
        method: 'GET',
        path: '/v1/accounts',
        what: 'accounts',
        consentId: 'c-1',
        psuIpAddress: '203.0.113.5',
      });
      client.close();
      expect(res).toMatchObject({ status: 200, body: { accounts: [] } });
      expect(seen[0]?.subject).toBe('OpenDinar TPP');
      expect(seen[0]?.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(seen[0]?.headers['consent-id']).toBe('c-1');
      expect(seen[0]?.headers['psu-ip-address']).toBe('203.0.113.5');
    });

    it('without the client certificate the bank refuses the handshake: bank_unavailable after retries', async () => {
      const delays: number[] = [];
      const client = new Xs2aClient(
        {
          baseUrl: `https://127.0.0.1:${port}/xs2a`,
          xs2aVersion: '1.3.11',
          profile: 'standard',
          tls: { ca: join(dir, 'bank.pem') },
        },
        {
          attempts: 2,
          baseDelayMs: 10,
          maxDelayMs: 10,
          random: () => 1,
          delay: async (ms) => void delays.push(ms),
        },
      );
      await expect(client.send({ method: 'GET', path: '/v1/accounts', what: 'accounts' })).rejects.toThrow(
        /did not answer accounts/,
      );
      client.close();
      expect(delays).toEqual([10]);
    });
  });
});
