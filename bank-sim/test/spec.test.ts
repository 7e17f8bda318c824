// bank-sim against the official Berlin Group OpenAPI file: every operation and every error status it
// answers is validated (the client in helpers/sim.ts validates each XS2A answer), and the validator
// itself rejects bodies that break the spec.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  consentBody,
  createConsent,
  isoDaysBefore,
  type Sim,
  START,
  startSim,
  TPP_REDIRECT,
} from './helpers/sim.js';
import { validateAgainstSpec } from './helpers/spec.js';

let s: Sim;
beforeAll(async () => {
  s = await startSim();
});
afterAll(async () => {
  await s.close();
});

describe('validation against psd2-api_v1.3.11.yaml', () => {
  it('covers every AIS operation bank-sim serves, with its success and error answers', async () => {
    const { consentId, accounts } = await connect(s, 'raiffeisen', 'big150');
    const id = accounts[0]?.resourceId as string;
    const from = isoDaysBefore(START, 60);
    await s.xs('GET', `/raiffeisen/v1/consents/${consentId}`);
    await s.xs('GET', `/raiffeisen/v1/consents/${consentId}/status`);
    await s.xs('GET', `/raiffeisen/v1/accounts?withBalance=true`, { consentId });
    await s.xs('GET', `/raiffeisen/v1/accounts/${id}?withBalance=true`, { consentId });
    await s.xs('GET', `/raiffeisen/v1/accounts/${id}/balances`, { consentId });
    const page = await s.xs<{ transactions: { _links: { next?: { href: string } } } }>(
      'GET',
      `/raiffeisen/v1/accounts/${id}/transactions?bookingStatus=both&dateFrom=${from}`,
      { consentId },
    );
    await s.xs('GET', page.body.transactions._links.next?.href as string, { consentId });
    await s.xs('GET', `/raiffeisen/v1/accounts/${id}/transactions?bookingStatus=pending&dateFrom=${from}`, {
      consentId,
    });
    // 429 after the 4 reads above.
    await s.xs('GET', `/raiffeisen/v1/accounts/${id}/balances`, { consentId });
    // 400s.
    await s.xs('POST', '/raiffeisen/v1/consents', { body: consentBody() });
    await s.xs('GET', `/raiffeisen/v1/accounts/${id}/transactions?bookingStatus=booked&dateFrom=2000-01-01`, {
      consentId,
    });
    await s.xs('GET', '/raiffeisen/v1/accounts', { consentId, requestId: 'nope' });
    await s.xs('GET', `/raiffeisen/v1/consents/${consentId}/status`, { requestId: null });
    await s.xs('DELETE', `/raiffeisen/v1/consents/${consentId}`, { requestId: null });
    // 403, 404.
    await s.xs('GET', '/raiffeisen/v1/consents/unknown');
    await s.xs('GET', '/raiffeisen/v1/consents/unknown/status');
    await s.xs('DELETE', '/raiffeisen/v1/consents/unknown');
    await s.xs('GET', '/raiffeisen/v1/accounts', { consentId: 'unknown' });
    await s.xs('GET', '/raiffeisen/v1/accounts/unknown', { consentId });
    await s.xs('GET', '/raiffeisen/v1/accounts/unknown/balances', { consentId });
    await s.xs('GET', '/raiffeisen/v1/accounts/unknown/transactions?bookingStatus=booked', { consentId });
    // Injected 403 SERVICE_BLOCKED and 500/503 (no body).
    await s.sim('POST', '/sim/faults', { kind: 'error', code: 'SERVICE_BLOCKED', times: 1 });
    await s.xs('GET', '/raiffeisen/v1/accounts', { consentId });
    await s.sim('POST', '/sim/faults', { kind: 'error', code: 'INTERNAL_SERVER_ERROR', times: 1 });
    await s.xs('GET', '/raiffeisen/v1/accounts', { consentId });
    await s.sim('POST', '/sim/faults', { kind: 'error', status: 503, times: 1 });
    await s.xs('POST', '/raiffeisen/v1/consents', {
      body: consentBody(),
      headers: { 'TPP-Redirect-URI': TPP_REDIRECT },
    });
    // 401 after expiry and after DELETE; 204.
    await s.sim('POST', `/sim/consents/${consentId}/expire`);
    await s.xs('GET', `/raiffeisen/v1/accounts/${id}/transactions?bookingStatus=booked&dateFrom=${from}`, {
      consentId,
    });
    const other = await createConsent(s, 'raiffeisen');
    await s.xs('DELETE', `/raiffeisen/v1/consents/${other.consentId}`);
    await s.xs('GET', `/raiffeisen/v1/accounts/${id}/balances`, { consentId: other.consentId });

    const covered = new Set(s.checks.map((c) => `${c.method} ${c.template} ${c.status}`));
    const expected = [
      'POST /v1/consents 201',
      'POST /v1/consents 400',
      'POST /v1/consents 503',
      'GET /v1/consents/{consentId} 200',
      'GET /v1/consents/{consentId} 403',
      'GET /v1/consents/{consentId}/status 200',
      'GET /v1/consents/{consentId}/status 400',
      'GET /v1/consents/{consentId}/status 403',
      'DELETE /v1/consents/{consentId} 204',
      'DELETE /v1/consents/{consentId} 400',
      'DELETE /v1/consents/{consentId} 403',
      'GET /v1/accounts 200',
      'GET /v1/accounts 400',
      'GET /v1/accounts 403',
      'GET /v1/accounts 500',
      'GET /v1/accounts/{account-id} 200',
      'GET /v1/accounts/{account-id} 404',
      'GET /v1/accounts/{account-id}/balances 200',
      'GET /v1/accounts/{account-id}/balances 401',
      'GET /v1/accounts/{account-id}/balances 404',
      'GET /v1/accounts/{account-id}/balances 429',
      'GET /v1/accounts/{account-id}/transactions 200',
      'GET /v1/accounts/{account-id}/transactions 400',
      'GET /v1/accounts/{account-id}/transactions 401',
      'GET /v1/accounts/{account-id}/transactions 404',
    ];
    expect(expected.filter((e) => !covered.has(e))).toEqual([]);
  });

  it('the validator rejects answers that break the spec', () => {
    const ok = {
      balances: [{ balanceType: 'expected', balanceAmount: { currency: 'RSD', amount: '12.50' } }],
    };
    expect(() =>
      validateAgainstSpec('/v1/accounts/{account-id}/balances', 'GET', 200, ok, true),
    ).not.toThrow();
    const cases: [string, string, number, unknown][] = [
      [
        '/v1/accounts/{account-id}/balances',
        'GET',
        200,
        { balances: [{ balanceType: 'expected', balanceAmount: { currency: 'RSD', amount: 12.5 } }] },
      ],
      [
        '/v1/accounts/{account-id}/balances',
        'GET',
        200,
        { balances: [{ balanceType: 'soon', balanceAmount: { currency: 'RSD', amount: '1.00' } }] },
      ],
      ['/v1/accounts/{account-id}/transactions', 'GET', 200, { transactions: { booked: [] } }],
      ['/v1/consents/{consentId}/status', 'GET', 200, { consentStatus: 'approved' }],
      ['/v1/consents/{consentId}', 'GET', 200, { consentStatus: 'valid' }],
      ['/v1/consents', 'POST', 201, { consentStatus: 'received', consentId: 'x' }],
      ['/v1/accounts', 'GET', 200, { accounts: [{ iban: 'RS35265' }] }],
      ['/v1/accounts', 'GET', 401, { tppMessages: [{ category: 'FATAL', code: 'CONSENT_INVALID' }] }],
      ['/v1/accounts', 'GET', 418, {}],
    ];
    for (const [template, method, status, body] of cases) {
      expect(() => validateAgainstSpec(template, method, status, body, true), JSON.stringify(body)).toThrow();
    }
    expect(() => validateAgainstSpec('/v1/consents/{consentId}', 'DELETE', 204, undefined, true)).toThrow();
  });
});
