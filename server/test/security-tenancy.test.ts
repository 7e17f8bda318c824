import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, newToken } from '../src/ids.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { type Receiver, startReceiver } from './helpers/webhooks.js';
import { bearer, runFullFlow, type Tenant } from './security-flow.js';

/**
 * Cross-tenant matrix: tenant A asks for tenant B's resource and for one that never existed. The two
 * answers must be indistinguishable — same status, headers and bytes (both requests carry the same
 * X-Request-Id, so even request_id matches). Only the Date header may differ.
 */
type Method = 'GET' | 'POST' | 'DELETE';

interface Probe {
  name: string;
  method: Method;
  /** Builds the URL (and body) for a resource id / token. */
  url: (target: string) => string;
  body?: (target: string) => Record<string, unknown>;
  /** A's credential. */
  headers: Record<string, string>;
  /** B's resource and a never-existing one of the same shape. */
  theirs: string;
  missing: string;
  /** The answer both must give. */
  code: string;
}

const comparable = (res: LightMyRequestResponse) => {
  // The remaining budget counts down with every request, whoever owns what it asked for.
  const { date: _date, 'ratelimit-remaining': _remaining, ...headers } = res.headers;
  return { status: res.statusCode, headers, body: res.body };
};

describe('every query is scoped to the caller', () => {
  let t: TestApp;
  let receiver: Receiver;
  let a: Tenant;
  let b: Tenant;
  let bCursor: string;
  let aOtherUserLink: string;

  const send = (p: Probe, target: string) =>
    t.app.inject({
      method: p.method,
      url: p.url(target),
      headers: { ...p.headers, 'x-request-id': 'tenancy-probe' },
      ...(p.body ? { payload: p.body(target) } : {}),
    });

  async function expectIndistinguishable(p: Probe): Promise<void> {
    const theirs = await send(p, p.theirs);
    const missing = await send(p, p.missing);
    expect(missing.json().error_code, `${p.name}: a missing resource`).toBe(p.code);
    expect(comparable(theirs), p.name).toEqual(comparable(missing));
  }

  beforeAll(async () => {
    receiver = await startReceiver();
    t = await createTestApp();
    a = await runFullFlow(t.app, t.deps, receiver, 'tenant-a');
    b = await runFullFlow(t.app, t.deps, receiver, 'tenant-b');
    const sync = await t.app.inject({
      method: 'GET',
      url: `/accounts/${b.accountId}/transactions?cursor=`,
      headers: bearer(b.key),
    });
    bCursor = sync.json().next_cursor;
    const link = await t.app.inject({
      method: 'POST',
      url: '/link/token',
      headers: bearer(a.key),
      payload: { user_id: 'someone_else' },
    });
    aOtherUserLink = link.json().link_token;
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const keyProbes = (): Probe[] => {
    const acc = { theirs: b.accountId, missing: newId('acc'), headers: bearer(a.key) };
    return [
      {
        name: 'balance',
        method: 'GET',
        url: (id) => `/accounts/${id}/balance`,
        code: 'ACCOUNT_NOT_FOUND',
        ...acc,
      },
      {
        name: 'identity',
        method: 'GET',
        url: (id) => `/accounts/${id}/identity`,
        code: 'ACCOUNT_NOT_FOUND',
        ...acc,
      },
      {
        name: 'transactions list',
        method: 'GET',
        url: (id) => `/accounts/${id}/transactions?from=2025-01-01&limit=5`,
        code: 'ACCOUNT_NOT_FOUND',
        ...acc,
      },
      {
        name: 'transactions sync',
        method: 'GET',
        url: (id) => `/accounts/${id}/transactions?cursor=`,
        code: 'ACCOUNT_NOT_FOUND',
        ...acc,
      },
      {
        name: 'recurring',
        method: 'GET',
        url: (id) => `/accounts/${id}/recurring`,
        code: 'ACCOUNT_NOT_FOUND',
        ...acc,
      },
      {
        name: 'force refresh',
        method: 'POST',
        url: (id) => `/accounts/${id}/sync`,
        code: 'ACCOUNT_NOT_FOUND',
        ...acc,
      },
      {
        name: "B's cursor on A's own account",
        method: 'GET',
        url: (cursor) => `/accounts/${a.accountId}/transactions?cursor=${cursor}`,
        headers: bearer(a.key),
        theirs: bCursor,
        missing: Buffer.from('1|acc_x|2026-01-01T00:00:00.000Z|5|c|AAAA').toString('base64url'),
        code: 'INVALID_CURSOR',
      },
      {
        name: 'connect status',
        method: 'GET',
        url: (tok) => `/connect/status/${tok}`,
        headers: bearer(a.key),
        theirs: b.pendingSession,
        missing: newToken('sess'),
        code: 'SESSION_NOT_FOUND',
      },
      {
        name: 'connect status with a link token for another user of the same key',
        method: 'GET',
        url: (tok) => `/connect/status/${tok}`,
        headers: bearer(aOtherUserLink),
        theirs: a.pendingSession,
        missing: newToken('sess'),
        code: 'SESSION_NOT_FOUND',
      },
      {
        name: 'exchange',
        method: 'POST',
        url: () => '/connect/exchange',
        body: (tok) => ({ public_token: tok }),
        headers: bearer(a.key),
        theirs: b.openPublicToken,
        missing: newToken('public'),
        code: 'INVALID_PUBLIC_TOKEN',
      },
    ];
  };

  const developerProbes = (): Probe[] => {
    const hook = { theirs: b.webhookId, missing: newId('wh'), headers: bearer(a.session) };
    return [
      {
        name: 'usage?key_id',
        method: 'GET',
        url: (id) => `/developers/usage?key_id=${id}`,
        headers: bearer(a.session),
        theirs: b.keyId,
        missing: newId('key'),
        code: 'KEY_NOT_FOUND',
      },
      {
        name: 'webhook deliveries',
        method: 'GET',
        url: (id) => `/developers/webhooks/${id}/deliveries`,
        code: 'WEBHOOK_NOT_FOUND',
        ...hook,
      },
      {
        name: 'webhook test',
        method: 'POST',
        url: (id) => `/developers/webhooks/${id}/test`,
        code: 'WEBHOOK_NOT_FOUND',
        ...hook,
      },
      {
        name: "retry on B's webhook",
        method: 'POST',
        url: (id) => `/developers/webhooks/${id}/deliveries/${b.deliveryId}/retry`,
        code: 'WEBHOOK_NOT_FOUND',
        ...hook,
      },
      {
        name: "retry of B's delivery through A's webhook",
        method: 'POST',
        url: (id) => `/developers/webhooks/${a.webhookId}/deliveries/${id}/retry`,
        headers: bearer(a.session),
        theirs: b.deliveryId,
        missing: newId('dlv'),
        code: 'DELIVERY_NOT_FOUND',
      },
    ];
  };

  const destructiveProbes = (): Probe[] => [
    {
      name: 'revoke connection',
      method: 'DELETE',
      url: (id) => `/connections/${id}`,
      headers: bearer(a.key),
      theirs: b.connectionId,
      missing: newId('conn'),
      code: 'CONNECTION_NOT_FOUND',
    },
    {
      name: 'revoke key',
      method: 'DELETE',
      url: (id) => `/developers/keys/${id}`,
      headers: bearer(a.session),
      theirs: b.keyId,
      missing: newId('key'),
      code: 'KEY_NOT_FOUND',
    },
    {
      name: 'delete webhook',
      method: 'DELETE',
      url: (id) => `/developers/webhooks/${id}`,
      headers: bearer(a.session),
      theirs: b.webhookId,
      missing: newId('wh'),
      code: 'WEBHOOK_NOT_FOUND',
    },
  ];

  it('API-key endpoints: accounts/:id/*, connect status, exchange', async () => {
    for (const p of keyProbes()) await expectIndistinguishable(p);
    // Control: the same requests for A's own resources succeed, so the probes do reach real rows.
    for (const url of ['balance', 'identity', 'transactions', 'recurring']) {
      const own = await t.app.inject({
        method: 'GET',
        url: `/accounts/${a.accountId}/${url}`,
        headers: bearer(a.key),
      });
      expect(own.statusCode, url).toBe(200);
    }
  });

  it('developer endpoints: usage?key_id, webhooks/:id deliveries, test, retry', async () => {
    for (const p of developerProbes()) await expectIndistinguishable(p);
  });

  it("destructive endpoints answer not-found and leave B's resources untouched", async () => {
    for (const p of destructiveProbes()) await expectIndistinguishable(p);

    const balance = await t.app.inject({
      method: 'GET',
      url: `/accounts/${b.accountId}/balance`,
      headers: bearer(b.key),
    });
    expect(balance.statusCode).toBe(200);
    const hooks = await t.app.inject({
      method: 'GET',
      url: '/developers/webhooks',
      headers: bearer(b.session),
    });
    expect(hooks.json().webhooks.map((w: { id: string }) => w.id)).toEqual([b.webhookId]);
    const keys = await t.app.inject({ method: 'GET', url: '/developers/keys', headers: bearer(b.session) });
    const key = keys.json().keys.find((k: { id: string }) => k.id === b.keyId);
    expect(key.status).toBe('active');
    const status = await t.app.inject({
      method: 'GET',
      url: `/connect/status/${b.pendingSession}`,
      headers: bearer(b.key),
    });
    expect(status.json()).toEqual({ status: 'pending' });
    // B can still exchange its own public token: A's attempt did not consume it.
    const exchange = await t.app.inject({
      method: 'POST',
      url: '/connect/exchange',
      headers: bearer(b.key),
      payload: { public_token: b.openPublicToken },
    });
    expect(exchange.statusCode).toBe(200);
  });

  it('once B revokes its connection, A still cannot tell it from one that never existed', async () => {
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/connections/${b.connectionId}`,
      headers: bearer(b.key),
    });
    expect(revoked.statusCode).toBe(200);
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/connections/${b.connectionId}`,
      headers: bearer(b.key),
    });
    expect(again.json().error_code).toBe('CONNECTION_ALREADY_REVOKED');
    for (const p of destructiveProbes().filter((x) => x.name === 'revoke connection')) {
      await expectIndistinguishable(p);
    }
    await expectIndistinguishable({
      name: 'balance of a revoked account',
      method: 'GET',
      url: (id) => `/accounts/${id}/balance`,
      headers: bearer(a.key),
      theirs: b.accountId,
      missing: newId('acc'),
      code: 'ACCOUNT_NOT_FOUND',
    });
  });

  it('lists show only the caller’s own rows', async () => {
    const conns = await t.app.inject({ method: 'GET', url: '/connections', headers: bearer(a.key) });
    const ids = conns.json().connections.map((c: { connection_id: string }) => c.connection_id);
    expect(ids).toContain(a.connectionId);
    expect(ids).not.toContain(b.connectionId);
    const accounts = await t.app.inject({ method: 'GET', url: '/accounts', headers: bearer(a.key) });
    expect(accounts.body).not.toContain(b.accountId);
    const hooks = await t.app.inject({
      method: 'GET',
      url: '/developers/webhooks',
      headers: bearer(a.session),
    });
    expect(hooks.json().webhooks.map((w: { id: string }) => w.id)).toEqual([a.webhookId]);
    const keys = await t.app.inject({ method: 'GET', url: '/developers/keys', headers: bearer(a.session) });
    expect(keys.body).not.toContain(b.keyId);
    const deliveries = await t.app.inject({
      method: 'GET',
      url: `/developers/webhooks/${a.webhookId}/deliveries`,
      headers: bearer(a.session),
    });
    expect(deliveries.body).not.toContain(b.deliveryId);
  });
});
