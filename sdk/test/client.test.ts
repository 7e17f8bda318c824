import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenDinar, OpenDinarConnectionError, OpenDinarError, type Schemas } from '../src/index.js';
import { MANI_KEY, startServer } from './server.js';

let server: Awaited<ReturnType<typeof startServer>>;
let key: OpenDinar;
let publicClient: OpenDinar;
const called = new Set<string>();

beforeAll(async () => {
  server = await startServer();
  key = new OpenDinar({ apiKey: MANI_KEY, baseUrl: server.url });
  publicClient = new OpenDinar({ baseUrl: server.url });
  // Count which operations this file exercises (every one must be).
  for (const c of [key, publicClient]) {
    const call = c.call.bind(c);
    c.call = ((id: string, opts: unknown) => {
      called.add(id);
      return call(id as never, opts as never);
    }) as typeof c.call;
  }
});
afterAll(() => server.close());

const track = (od: OpenDinar) => {
  const call = od.call.bind(od);
  od.call = ((id: string, opts: unknown) => {
    called.add(id);
    return call(id as never, opts as never);
  }) as typeof od.call;
  return od;
};

async function caught(p: Promise<unknown>): Promise<OpenDinarError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof OpenDinarError) return err;
    throw err;
  }
  throw new Error('expected an OpenDinarError');
}

describe('@opendinar/node against a running server', () => {
  it('public operations: health, banks, widget script', async () => {
    expect((await publicClient.getHealth()).status).toBe('ok');
    const banks = await publicClient.listBanks();
    expect(banks.banks.length).toBeGreaterThan(3);
    expect((await publicClient.listBanks({ query: { status: 'sandbox', limit: 1 } })).banks).toHaveLength(1);
    expect((await publicClient.getBank({ path: { id: 'raiffeisen' } })).name).toMatch(/Raiffeisen/);
    const script = await publicClient.getLinkWidgetScript().catch((e: OpenDinarError) => e);
    // The widget bundle is built before the suite in CI; without it the server answers 503.
    if (typeof script === 'string') expect(script).toContain('OpenDinar');
    else expect(script.error_code).toBe('SERVICE_UNAVAILABLE');
  });

  it('typed errors carry error_type, error_code, error_message, request_id, docs and the status', async () => {
    const err = await caught(publicClient.getBank({ path: { id: 'no-such-bank' } }));
    expect(err).toBeInstanceOf(OpenDinarError);
    expect(err).toMatchObject({ status: 404, error_type: 'ITEM_ERROR', error_code: 'BANK_NOT_FOUND' });
    expect(err.request_id).toMatch(/./);
    expect(err.docs).toContain('#bank_not_found');
    const noKey = await caught(new OpenDinar({ baseUrl: server.url }).listAccounts());
    expect(noKey).toMatchObject({ status: 401, error_code: 'MISSING_API_KEY' });
    const bad = await caught(key.listTransactions({ path: { id: 'acc_nope' } }));
    expect(bad.error_code).toBe('ACCOUNT_NOT_FOUND');
  });

  it('developer portal: register, login, me, keys, usage, webhooks, logout', async () => {
    const email = `sdk-${Date.now()}@example.rs`;
    const reg = await publicClient.register({ body: { email, password: 'correct horse', name: 'SDK test' } });
    expect(reg.api_key.key).toMatch(/^od_test_sk_/);
    const login = await publicClient.login({ body: { email, password: 'correct horse' } });
    const dev = track(new OpenDinar({ sessionToken: login.session_token, baseUrl: server.url }));
    expect((await dev.getDeveloper()).email).toBe(email);
    const created = await dev.createKey({ body: { app_name: 'sdk', environment: 'sandbox' } });
    expect((await dev.listKeys()).keys.map((k) => k.id)).toContain(created.id);
    expect((await dev.revokeKey({ path: { id: created.id } })).status).toBe('revoked');
    expect(typeof (await dev.getUsage()).total_requests).toBe('number');

    const hook = await dev.createWebhook({ body: { url: 'http://127.0.0.1:9/hooks' } });
    expect(hook.secret).toMatch(/^whsec_/);
    expect((await dev.listWebhooks()).webhooks).toHaveLength(1);
    const queued = await dev.testWebhook({ path: { id: hook.id } });
    expect(queued.status).toBe('pending');
    const deliveries = await dev.listWebhookDeliveries({ path: { id: hook.id } });
    expect(deliveries.deliveries.length).toBeGreaterThan(0);
    const again = await dev.retryWebhookDelivery({ path: { id: hook.id, delivery_id: queued.delivery_id } });
    expect(again.event_id).toBe(queued.event_id);
    const fired = await dev.triggerEvent({ body: { event: 'ITEM.CONNECTION_REVOKED' } });
    expect(fired.event_id).toMatch(/^evt_/);
    expect((await dev.deleteWebhook({ path: { id: hook.id } })).status).toBe('deleted');
    expect((await dev.logout()).status).toBe('logged_out');
    const after = await caught(dev.getDeveloper());
    expect(after).toMatchObject({ status: 401, error_type: 'AUTH_ERROR' });
  });

  it('connect flow: link token, session, sandbox approve/deny, exchange, connections', async () => {
    const link = await key.createLinkToken({ body: { user_id: 'user_sdk' } });
    expect(link.link_token).toMatch(/^link_/);
    expect(await key.checkConnectCredential()).toEqual({
      valid: true,
      credential: 'api_key',
      environment: 'sandbox',
    });
    const started = await key.createConnectSession({
      body: { bank_id: 'raiffeisen', user_id: 'user_sdk', redirect_url: 'https://app.example.rs/done' },
    });
    expect((await key.getConnectStatus({ path: { session_token: started.session_token } })).status).toBe(
      'pending',
    );
    const approved = await publicClient.sandboxAuthorize({ body: { session_token: started.session_token } });
    const exchanged = await key.exchangePublicToken({ body: { public_token: approved.public_token } });
    expect(exchanged.status).toBe('active');
    const reuse = await caught(key.exchangePublicToken({ body: { public_token: approved.public_token } }));
    expect(reuse).toMatchObject({ status: 410, error_code: 'PUBLIC_TOKEN_ALREADY_USED' });

    const other = await key.createConnectSession({
      body: { bank_id: 'erste', user_id: 'user_sdk', redirect_url: 'https://app.example.rs/done' },
    });
    expect((await publicClient.sandboxDeny({ body: { session_token: other.session_token } })).status).toBe(
      'denied',
    );

    expect((await key.listConnections()).connections.map((c) => c.connection_id)).toContain(
      exchanged.connection_id,
    );
    expect((await key.revokeConnection({ path: { id: exchanged.connection_id } })).status).toBe('revoked');

    const custom = await key.createSandboxConnection({
      body: {
        bank_id: 'aik',
        user_id: 'user_sdk',
        accounts: [
          {
            name: 'Tekući',
            type: 'current',
            currency: 'RSD',
            transactions: [{ date: '2026-01-05', amount: -1200, description: 'Maxi' }],
          },
        ],
      },
    });
    expect(custom.accounts).toHaveLength(1);
  });

  it('accounts: list, balance, identity, refresh, recurring', async () => {
    const { accounts } = await key.listAccounts();
    const account = accounts[0] as Schemas['Account'];
    expect((await key.getBalance({ path: { id: account.id } })).account_id).toBe(account.id);
    const identity = await key.getIdentity({ path: { id: account.id } }).catch((e: OpenDinarError) => e);
    if (identity instanceof OpenDinarError) expect(identity.error_code).toBe('IDENTITY_UNAVAILABLE');
    await key.refreshAccount({ path: { id: account.id } });
    expect((await key.listRecurring({ path: { id: account.id } })).account_id).toBe(account.id);
  });

  it('pages every transaction with an async iterator, matching the list total', async () => {
    const { accounts } = await key.listAccounts();
    const id = (accounts[0] as Schemas['Account']).id;
    const first = (await key.listTransactions({
      path: { id },
      query: { limit: 10 },
    })) as Schemas['TransactionList'];
    const seen: string[] = [];
    for await (const tx of key.transactions.list(id, { pageSize: 37 })) seen.push(tx.id);
    expect(seen).toHaveLength(first.total);
    expect(new Set(seen).size).toBe(first.total);
  });

  it('syncs with `for await (const change of client.transactions.sync(accountId, cursor))`', async () => {
    const { accounts } = await key.listAccounts();
    const id = (accounts[0] as Schemas['Account']).id;
    const mirror = new Map<string, Schemas['Transaction']>();
    const sync = key.transactions.sync(id, '', { pageSize: 100 });
    let cursor = '';
    for await (const change of sync) {
      if (change.type === 'removed') mirror.delete(change.id);
      else mirror.set(change.transaction.id, change.transaction);
      if (change.pageEnd) cursor = change.cursor;
    }
    expect(sync.cursor).toBe(cursor);
    expect(cursor).not.toBe('');
    const total = (
      (await key.listTransactions({ path: { id }, query: { limit: 1 } })) as Schemas['TransactionList']
    ).total;
    expect(mirror.size).toBe(total);
    // Nothing changed: a later sync from the saved cursor yields nothing.
    const none: unknown[] = [];
    for await (const change of key.transactions.sync(id, cursor)) none.push(change);
    expect(none).toEqual([]);
    const stale = await caught(
      (async () => {
        for await (const _ of key.transactions.sync(id, 'not-a-cursor')) void _;
      })(),
    );
    expect(stale.error_code).toBe('INVALID_CURSOR');
  });

  it('retries a safe request on 429 honouring Retry-After, but not a POST without an idempotency key', async () => {
    // A proxy in front of the real server: the first request to each path answers 429, later ones pass through.
    const upstream = new URL(server.url);
    const seen = new Map<string, number>();
    const proxy: Server = createServer((req, res) => {
      const n = (seen.get(req.url ?? '') ?? 0) + 1;
      seen.set(req.url ?? '', n);
      if (n === 1) {
        res.writeHead(429, {
          'content-type': 'application/json',
          'retry-after': '1',
          'x-request-id': 'proxy',
        });
        res.end(
          JSON.stringify({
            error_type: 'API_ERROR',
            error_code: 'RATE_LIMIT_EXCEEDED',
            error_message: 'slow down',
            docs: '',
            request_id: 'proxy',
          }),
        );
        return;
      }
      const fwd = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: req.headers,
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      req.pipe(fwd);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const od = new OpenDinar({ apiKey: MANI_KEY, baseUrl: base });
      const started = Date.now();
      const { accounts } = await od.listAccounts();
      expect(accounts.length).toBeGreaterThan(0);
      expect(seen.get('/accounts')).toBe(2);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900); // waited for Retry-After: 1
      const post = await caught(od.createLinkToken({ body: { user_id: 'u' } }));
      expect(post).toMatchObject({ status: 429, error_code: 'RATE_LIMIT_EXCEEDED', retryAfter: 1 });
      expect(seen.get('/link/token')).toBe(1);
      const retried = await od.createLinkToken({ body: { user_id: 'u2' }, idempotencyKey: 'idem-1' });
      expect(retried.user_id).toBe('u2');
    } finally {
      proxy.closeAllConnections();
      await new Promise((r) => proxy.close(r));
    }
  });

  it('retries network errors with backoff, then throws OpenDinarConnectionError', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    let attempts = 0;
    const od = new OpenDinar({
      baseUrl: `http://127.0.0.1:${port}`,
      maxRetries: 2,
      fetch: (input, init) => {
        attempts++;
        return fetch(input, init);
      },
    });
    await expect(od.listBanks()).rejects.toBeInstanceOf(OpenDinarConnectionError);
    expect(attempts).toBe(3);
  });

  it('operations of the second round: readiness, bank callback, key roll/update, request log, account, webhook inspection', async () => {
    expect((await publicClient.getReadiness()).status).toBe('ready');
    // The bank redirect endpoint is for browsers; an unknown state is a clear error.
    expect(
      (await caught(publicClient.completeBankRedirect({ query: { state: 'state_unknown' } }))).status,
    ).toBe(404);
    const email = `sdk2-${Date.now()}@example.rs`;
    await publicClient.register({ body: { email, password: 'correct horse', name: 'SDK test 2' } });
    const login = await publicClient.login({ body: { email, password: 'correct horse' } });
    const dev = track(new OpenDinar({ sessionToken: login.session_token, baseUrl: server.url }));
    const created = await dev.createKey({ body: { app_name: 'sdk2', environment: 'sandbox' } });
    const updated = await dev.updateKey({
      path: { id: created.id },
      body: { redirect_urls: ['https://app.example.rs/done'] },
    });
    expect(updated.redirect_urls).toEqual(['https://app.example.rs/done']);
    const rolled = await dev.rollKey({ path: { id: created.id }, body: { expires_in_hours: 1 } });
    expect(rolled.id).toBe(created.id);
    expect(rolled.key).not.toBe(created.key);
    // An error made with the key shows in the request log.
    const app = new OpenDinar({ apiKey: rolled.key, baseUrl: server.url });
    const failed = await caught(app.getBalance({ path: { id: 'acc_missing' } }));
    const log = await dev.listRequestLog({ query: { key_id: created.id } });
    expect(Array.isArray(log.requests)).toBe(true);
    expect((await caught(dev.getRequestLogEntry({ path: { request_id: 'req_unknown' } }))).status).toBe(404);
    expect(failed.request_id).toBeTruthy();
    const hook = await dev.createWebhook({ body: { url: 'http://127.0.0.1:9/hooks' } });
    const edited = await dev.updateWebhook({
      path: { id: hook.id },
      body: { events: ['TRANSACTIONS.SYNC_UPDATES_AVAILABLE'] },
    });
    expect(edited.events).toEqual(['TRANSACTIONS.SYNC_UPDATES_AVAILABLE']);
    const queued = await dev.testWebhook({ path: { id: hook.id } });
    expect(Array.isArray((await dev.listWebhookEvents()).events)).toBe(true);
    const attempts = await dev.listDeliveryAttempts({
      path: { id: hook.id, delivery_id: queued.delivery_id },
    });
    expect(Array.isArray(attempts.attempts)).toBe(true);
    const rotated = await dev.rotateWebhookSecret({ path: { id: hook.id }, body: { grace_hours: 1 } });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.previous_secret_expires_at).not.toBeNull();
    // Account: password change, reset (request; an unknown token is refused), sign out everywhere, delete.
    await dev.changePassword({
      body: { current_password: 'correct horse', new_password: 'battery staple 2' },
    });
    await dev.requestPasswordReset({ body: { email } });
    expect(
      (await caught(dev.resetPassword({ body: { token: 'pwreset_unknown', new_password: 'whatever 123' } })))
        .status,
    ).toBe(400);
    await dev.logoutEverywhere();
    const again = await publicClient.login({ body: { email, password: 'battery staple 2' } });
    const dev2 = track(new OpenDinar({ sessionToken: again.session_token, baseUrl: server.url }));
    await dev2.deleteDeveloper({ body: { password: 'battery staple 2' } });
    expect((await caught(publicClient.login({ body: { email, password: 'battery staple 2' } }))).status).toBe(
      401,
    );
  });

  it('exercised every operation of the document', async () => {
    const { OPERATIONS } = await import('../src/generated/operations.js');
    // streamEvents (Server-Sent Events) is driven by `opendinar listen` in cli.test.ts.
    expect(Object.keys(OPERATIONS).filter((id) => !called.has(id) && id !== 'streamEvents')).toEqual([]);
  });
});
