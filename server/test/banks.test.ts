import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(async () => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('GET /banks', () => {
  it('lists the six banks with their metadata, publicly', async () => {
    const res = await get('/banks');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(6);
    expect(body.banks.map((b: { id: string }) => b.id)).toEqual([
      'raiffeisen',
      'erste',
      'aik',
      'intesa',
      'otp',
      'unicredit',
    ]);
    expect(body.banks[0]).toEqual({
      id: 'raiffeisen',
      name: 'Raiffeisen Bank',
      country: 'RS',
      bic: 'RZBSRSBG',
      status: 'live',
      color: '#FFE500',
      market_share_pct: 11.19,
      feat_accounts: 1,
      feat_transactions: 1,
      feat_balance: 1,
      feat_identity: 1,
    });
  });

  it('searches case-insensitively on the name', async () => {
    const body = (await get('/banks?search=ERSTE')).json();
    expect(body.total).toBe(1);
    expect(body.banks[0].id).toBe('erste');
  });

  it('filters by status and pages with limit and offset', async () => {
    const soon = (await get('/banks?status=coming_soon')).json();
    expect(soon.banks.map((b: { id: string }) => b.id)).toEqual(['intesa', 'otp', 'unicredit']);
    expect(soon.banks.every((b: { feat_accounts: number }) => b.feat_accounts === 0)).toBe(true);
    const page = (await get('/banks?limit=2&offset=1')).json();
    expect(page.banks.map((b: { id: string }) => b.id)).toEqual(['erste', 'aik']);
    expect(page.total).toBe(6);
  });

  it.each([
    ['status=closed', 'status'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=abc', 'limit'],
    ['offset=-1', 'offset'],
  ])('refuses %s with INVALID_FIELD naming the field', async (qs, field) => {
    const res = await get(`/banks?${qs}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error_code).toBe('INVALID_FIELD');
    expect(res.json().error_message).toContain(field);
  });
});

describe('GET /banks/:id', () => {
  it('returns one bank', async () => {
    const res = await get('/banks/aik');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: 'aik', status: 'sandbox', bic: 'AIKBRS22' });
  });

  it('answers BANK_NOT_FOUND for an unknown id', async () => {
    const res = await get('/banks/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error_type: 'ITEM_ERROR', error_code: 'BANK_NOT_FOUND' });
  });
});
