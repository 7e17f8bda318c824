// The whole AIS flow: consent → SCA page → accounts, balances, transactions (every answer spec-validated).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidIban } from '../src/data/iban.js';
import {
  type AccountJson,
  allPages,
  type ConsentCreated,
  connect,
  consentBody,
  createConsent,
  isoDaysBefore,
  type Sim,
  START,
  startSim,
  TPP_NOK_REDIRECT,
  TPP_REDIRECT,
  type TxPage,
} from './helpers/sim.js';

let s: Sim;
beforeAll(async () => {
  s = await startSim();
});
afterAll(async () => {
  await s.close();
});

const today = START.slice(0, 10);
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual' as const,
});

describe('consent and redirect SCA', () => {
  it('creates a consent, shows the SCA page, approves it and redirects to TPP-Redirect-URI unchanged', async () => {
    const created = await createConsent(s, 'raiffeisen');
    expect(created.consentStatus).toBe('received');
    expect(created._links.scaRedirect.href).toBe(`${s.base}/raiffeisen/sca/${created.consentId}`);
    expect(created._links.status.href).toBe(`/raiffeisen/v1/consents/${created.consentId}/status`);

    const page = await fetch(created._links.scaRedirect.href);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('name="username"');
    expect(html).toContain('name="otp"');
    expect(html).toMatch(/<button[^>]*>Approve<\/button>/);
    expect(html).toMatch(/<button[^>]*>Deny<\/button>/);

    const status = await s.xs('GET', `/raiffeisen/v1/consents/${created.consentId}/status`);
    expect(status.body).toEqual({ consentStatus: 'received' });
    // Not yet approved: account calls are refused.
    const early = await s.xs('GET', '/raiffeisen/v1/accounts', { consentId: created.consentId });
    expect(early.status).toBe(401);
    expect(early.body).toMatchObject({ tppMessages: [{ category: 'ERROR', code: 'CONSENT_INVALID' }] });

    const bad = await fetch(
      created._links.scaRedirect.href,
      form({ username: 'ana', otp: '12ab', action: 'approve' }),
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('6 digits');

    const ok = await fetch(
      created._links.scaRedirect.href,
      form({ username: 'ana', otp: '493817', action: 'approve' }),
    );
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe(TPP_REDIRECT);

    const after = await s.xs('GET', `/raiffeisen/v1/consents/${created.consentId}/status`);
    expect(after.body).toEqual({ consentStatus: 'valid' });
    const listed = await s.sim<{ consents: { consentId: string; username: string }[] }>(
      'GET',
      '/sim/consents',
    );
    expect(listed.body.consents.find((c) => c.consentId === created.consentId)?.username).toBe('ana');

    // Decided: the page no longer offers the form.
    const again = await fetch(created._links.scaRedirect.href);
    expect(again.status).toBe(409);
  });

  it('Deny rejects the consent and redirects to TPP-Nok-Redirect-URI with error=access_denied', async () => {
    const created = await createConsent(s, 'erste', consentBody(), {
      'TPP-Redirect-URI': TPP_REDIRECT,
      'TPP-Nok-Redirect-URI': TPP_NOK_REDIRECT,
    });
    const res = await fetch(created._links.scaRedirect.href, form({ action: 'deny' }));
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe('https://tpp.example/failed');
    expect(location.searchParams.get('state')).toBe('s-123');
    expect(location.searchParams.get('error')).toBe('access_denied');
    const status = await s.xs('GET', `/erste/v1/consents/${created.consentId}/status`);
    expect(status.body).toEqual({ consentStatus: 'rejected' });
  });

  it('Deny without TPP-Nok-Redirect-URI goes back to TPP-Redirect-URI with error=access_denied', async () => {
    const created = await createConsent(s, 'raiffeisen');
    const res = await fetch(created._links.scaRedirect.href, form({ action: 'deny' }));
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.pathname).toBe('/callback');
    expect(location.searchParams.get('error')).toBe('access_denied');
  });

  it('caps validUntil at 180 days and frequencyPerDay at 4; GET shows the consent', async () => {
    const created = await createConsent(
      s,
      'raiffeisen',
      consentBody({ validUntil: '9999-12-31', frequencyPerDay: 10 }),
    );
    const got = await s.xs('GET', `/raiffeisen/v1/consents/${created.consentId}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      recurringIndicator: true,
      validUntil: isoDaysBefore(START, -180),
      frequencyPerDay: 4,
      lastActionDate: today,
      consentStatus: 'received',
    });
  });

  it('rejects bad consent requests with FORMAT_ERROR', async () => {
    const cases: [Record<string, string>, unknown, RegExp][] = [
      [{}, consentBody(), /TPP-Redirect-URI/],
      [{ 'TPP-Redirect-URI': 'not a url' }, consentBody(), /TPP-Redirect-URI/],
      [{ 'TPP-Redirect-URI': TPP_REDIRECT }, consentBody({ validUntil: '2020-01-01' }), /past/],
      [{ 'TPP-Redirect-URI': TPP_REDIRECT }, consentBody({ validUntil: '2027-02-30' }), /validUntil/],
      [{ 'TPP-Redirect-URI': TPP_REDIRECT }, consentBody({ frequencyPerDay: 0 }), /frequencyPerDay/],
      [{ 'TPP-Redirect-URI': TPP_REDIRECT }, consentBody({ access: {} }), /access/],
      [{ 'TPP-Redirect-URI': TPP_REDIRECT }, { access: { allPsd2: 'allAccounts' } }, /recurringIndicator/],
      [
        { 'TPP-Redirect-URI': TPP_REDIRECT },
        consentBody({ access: { accounts: [{ pan: '1234' }] } }),
        /iban/,
      ],
    ];
    for (const [headers, body, text] of cases) {
      const res = await s.xs<{ tppMessages: { code: string; text: string }[] }>(
        'POST',
        '/raiffeisen/v1/consents',
        {
          headers,
          body,
        },
      );
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.tppMessages[0]?.code).toBe('FORMAT_ERROR');
      expect(res.body.tppMessages[0]?.text).toMatch(text);
    }
    const broken = await fetch(`${s.base}/raiffeisen/v1/consents`, {
      method: 'POST',
      headers: {
        'X-Request-ID': crypto.randomUUID(),
        'TPP-Redirect-URI': TPP_REDIRECT,
        'content-type': 'application/json',
      },
      body: '{"access":',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ tppMessages: [{ code: 'FORMAT_ERROR' }] });
  });

  it('requires a UUID X-Request-ID on every XS2A call', async () => {
    const missing = await s.xs('GET', '/raiffeisen/v1/accounts', { requestId: null, consentId: 'x' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ tppMessages: [{ code: 'FORMAT_ERROR' }] });
    const notUuid = await s.xs('GET', '/raiffeisen/v1/consents/abc/status', { requestId: 'abc' });
    expect(notUuid.status).toBe(400);
  });

  it('answers CONSENT_UNKNOWN for unknown consents and consents of another bank', async () => {
    const unknown = await s.xs('GET', '/raiffeisen/v1/consents/nope');
    expect(unknown.status).toBe(403);
    expect(unknown.body).toMatchObject({ tppMessages: [{ code: 'CONSENT_UNKNOWN' }] });
    const { consentId } = await createConsent(s, 'erste');
    const other = await s.xs('GET', `/raiffeisen/v1/consents/${consentId}/status`);
    expect(other.status).toBe(403);
    const accounts = await s.xs('GET', '/raiffeisen/v1/accounts', { consentId });
    expect(accounts.status).toBe(403);
    expect(accounts.body).toMatchObject({ tppMessages: [{ code: 'CONSENT_UNKNOWN' }] });
    const noHeader = await s.xs('GET', '/raiffeisen/v1/accounts');
    expect(noHeader.status).toBe(400);
  });

  it('DELETE terminates the consent (terminatedByTpp) and account calls then answer CONSENT_INVALID', async () => {
    const { consentId } = await connect(s, 'raiffeisen');
    const del = await s.xs('DELETE', `/raiffeisen/v1/consents/${consentId}`);
    expect(del.status).toBe(204);
    const status = await s.xs('GET', `/raiffeisen/v1/consents/${consentId}/status`);
    expect(status.body).toEqual({ consentStatus: 'terminatedByTpp' });
    const accounts = await s.xs('GET', '/raiffeisen/v1/accounts', { consentId });
    expect(accounts.status).toBe(401);
    expect(accounts.body).toMatchObject({ tppMessages: [{ code: 'CONSENT_INVALID' }] });
  });
});

describe('accounts, balances, transactions', () => {
  let consentId: string;
  let accounts: AccountJson[];
  beforeAll(async () => {
    ({ consentId, accounts } = await connect(s, 'raiffeisen', 'marko'));
  });

  it('lists an RSD current account and a EUR savings account with valid RS IBANs and owner names', async () => {
    expect(accounts.map((a) => [a.currency, a.cashAccountType, a.status])).toEqual([
      ['RSD', 'CACC', 'enabled'],
      ['EUR', 'SVGS', 'enabled'],
    ]);
    for (const a of accounts) {
      expect(a.iban).toMatch(/^RS35\d{18}$/);
      expect(isValidIban(a.iban)).toBe(true);
      expect(a.ownerName).toMatch(/^\S+ \S+$/);
      expect(a._links.balances?.href).toBe(`/raiffeisen/v1/accounts/${a.resourceId}/balances`);
      expect(a.balances).toBeUndefined();
    }
    const withBalance = await s.xs<{ accounts: AccountJson[] }>(
      'GET',
      '/raiffeisen/v1/accounts?withBalance=true',
      {
        consentId,
      },
    );
    expect(withBalance.body.accounts[0]?.balances?.map((b) => b.balanceType)).toEqual([
      'closingBooked',
      'interimAvailable',
      'expected',
    ]);
    const consent = await s.xs<{ access: { accounts: { iban: string }[] } }>(
      'GET',
      `/raiffeisen/v1/consents/${consentId}`,
    );
    expect(consent.body.access.accounts.map((a) => a.iban)).toEqual(accounts.map((a) => a.iban));
  });

  it('is deterministic per username and differs between users', async () => {
    const again = await connect(s, 'raiffeisen', 'marko');
    expect(again.accounts.map((a) => a.iban)).toEqual(accounts.map((a) => a.iban));
    const other = await connect(s, 'raiffeisen', 'jelena');
    expect(other.accounts[0]?.iban).not.toBe(accounts[0]?.iban);
    const psu = await s.sim<{ accounts: { resourceId: string; iban: string }[] }>(
      'GET',
      '/sim/psus/marko?bank=raiffeisen',
    );
    expect(psu.body.accounts.map((a) => a.resourceId)).toEqual(accounts.map((a) => a.resourceId));
  });

  it('reads account details and balances consistent with the transactions', async () => {
    const current = accounts[0] as AccountJson;
    const details = await s.xs<{ account: AccountJson }>(
      'GET',
      `/raiffeisen/v1/accounts/${current.resourceId}`,
      {
        consentId,
        psuIp: '192.0.2.10',
      },
    );
    expect(details.status).toBe(200);
    expect(details.body.account.iban).toBe(current.iban);

    const balances = await s.xs<{
      account: { iban: string };
      balances: NonNullable<AccountJson['balances']>;
    }>('GET', `/raiffeisen/v1/accounts/${current.resourceId}/balances`, { consentId, psuIp: '192.0.2.10' });
    expect(balances.status).toBe(200);
    expect(balances.body.account.iban).toBe(current.iban);
    const amount = (type: string) =>
      Number(balances.body.balances.find((b) => b.balanceType === type)?.balanceAmount.amount);
    for (const b of balances.body.balances) expect(b.balanceAmount.amount).toMatch(/^-?\d+\.\d{2}$/);
    expect(amount('closingBooked')).toBeGreaterThan(0);

    // expected = closingBooked + today's bookings + pending.
    const tx = await allPages(
      s,
      `/raiffeisen/v1/accounts/${current.resourceId}/transactions?bookingStatus=both&dateFrom=${isoDaysBefore(START, 5)}`,
      { consentId, psuIp: '192.0.2.10' },
    );
    const sum = (list: { transactionAmount: { amount: string } }[]) =>
      list.reduce((acc, t) => acc + Math.round(Number(t.transactionAmount.amount) * 100), 0);
    const bookedToday = tx.booked.filter((t) => t.bookingDate === today);
    expect(Math.round(amount('expected') * 100)).toBe(
      Math.round(amount('closingBooked') * 100) + sum(bookedToday) + sum(tx.pending),
    );
    expect(tx.pending.length).toBeGreaterThan(0);
    for (const p of tx.pending) {
      expect(p.bookingDate).toBeUndefined();
      expect(p.remittanceInformationUnstructured).toMatch(/^(Kupovina karticom |NETFLIX)/);
    }
  });

  it('returns ~90 days of Serbian booked history without the PSU, paged with _links.next', async () => {
    const current = accounts[0] as AccountJson;
    const from = isoDaysBefore(START, 90);
    const { pages, booked, pending } = await allPages(
      s,
      `/raiffeisen/v1/accounts/${current.resourceId}/transactions?bookingStatus=booked&dateFrom=${from}&dateTo=${today}`,
      { consentId, psuIp: '192.0.2.10' },
    );
    expect(pending).toEqual([]);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages.slice(0, -1)) expect(p.body.transactions.booked).toHaveLength(100);
    expect(pages.at(-1)?.body.transactions._links.next).toBeUndefined();
    expect(new Set(booked.map((t) => t.transactionId)).size).toBe(booked.length);
    for (const t of booked) {
      expect(t.bookingDate && t.bookingDate >= from && t.bookingDate <= today).toBe(true);
      expect(t.transactionAmount.amount).toMatch(/^-?\d+\.\d{2}$/);
      expect(t.transactionAmount.currency).toBe('RSD');
    }
    const texts = booked.map((t) => t.remittanceInformationUnstructured).join('\n');
    expect(texts).toMatch(/Plata - [a-z]+ 2026/);
    expect(texts).toMatch(/Kirija - [a-z]+ 2026/);
    expect(texts).toContain('EPS Snabdevanje');
    expect(texts).toContain('Kupovina karticom MAXI');
    const netflix = booked.filter((t) => t.remittanceInformationUnstructured === 'NETFLIX.COM');
    expect(netflix.length).toBeGreaterThanOrEqual(2);
    for (const n of netflix) expect(n.transactionAmount.amount).toBe('-790.00');
    const salary = booked.find((t) => t.remittanceInformationUnstructured.startsWith('Plata'));
    expect(salary?.debtorAccount?.iban && isValidIban(salary.debtorAccount.iban)).toBe(true);
    // Newest first.
    const dates = booked.map((t) => t.bookingDate ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('enforces the history window: 90 days unattended, 730 with the PSU present (raiffeisen)', async () => {
    const current = accounts[0] as AccountJson;
    const path = (from: string) =>
      `/raiffeisen/v1/accounts/${current.resourceId}/transactions?bookingStatus=booked&dateFrom=${from}`;
    const old = await s.xs('GET', path(isoDaysBefore(START, 91)), { consentId });
    expect(old.status).toBe(400);
    expect(old.body).toMatchObject({ tppMessages: [{ code: 'PERIOD_INVALID' }] });
    const present = await s.xs<TxPage>('GET', path(isoDaysBefore(START, 400)), {
      consentId,
      psuIp: '2001:db8::1',
    });
    expect(present.status).toBe(200);
    const tooOld = await s.xs('GET', path(isoDaysBefore(START, 731)), { consentId, psuIp: '2001:db8::1' });
    expect(tooOld.status).toBe(400);
    expect(tooOld.body).toMatchObject({ tppMessages: [{ code: 'PERIOD_INVALID' }] });
    const reversed = await s.xs(
      'GET',
      `${path(isoDaysBefore(START, 5))}&dateTo=${isoDaysBefore(START, 10)}`,
      { consentId, psuIp: '2001:db8::1' },
    );
    expect(reversed.body).toMatchObject({ tppMessages: [{ code: 'PERIOD_INVALID' }] });
  });

  it('rejects malformed transaction queries with FORMAT_ERROR', async () => {
    const base = `/raiffeisen/v1/accounts/${accounts[0]?.resourceId}/transactions`;
    for (const q of [
      `?dateFrom=${today}`,
      `?bookingStatus=information&dateFrom=${today}`,
      '?bookingStatus=booked',
      '?bookingStatus=booked&dateFrom=yesterday',
      '?bookingStatus=booked&deltaList=true',
      `?bookingStatus=booked&dateFrom=${today}&pageToken=forged.1`,
    ]) {
      const res = await s.xs('GET', base + q, { consentId, psuIp: '192.0.2.10' });
      expect(res.status, q).toBe(400);
      expect(res.body, q).toMatchObject({ tppMessages: [{ code: 'FORMAT_ERROR' }] });
    }
    const badIp = await s.xs('GET', `${base}?bookingStatus=booked&dateFrom=${today}`, {
      consentId,
      psuIp: 'not-an-ip',
    });
    expect(badIp.status).toBe(400);
  });

  it('answers RESOURCE_UNKNOWN (404) for accounts outside the consent', async () => {
    const other = await s.sim<{ accounts: { resourceId: string }[] }>(
      'GET',
      '/sim/psus/someone-else?bank=raiffeisen',
    );
    const id = other.body.accounts[0]?.resourceId;
    for (const path of [`/raiffeisen/v1/accounts/${id}`, `/raiffeisen/v1/accounts/${id}/balances`]) {
      const res = await s.xs('GET', path, { consentId });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ tppMessages: [{ code: 'RESOURCE_UNKNOWN' }] });
    }
  });
});

describe('bank profiles', () => {
  it('erste rejects bookingStatus=both, serves booked and pending separately, pages by 50, no ownerName', async () => {
    const { consentId, accounts } = await connect(s, 'erste', 'big120');
    const account = accounts[0] as AccountJson;
    expect(account.iban).toMatch(/^RS35340/);
    expect(account.ownerName).toBeUndefined();
    const base = `/erste/v1/accounts/${account.resourceId}/transactions`;
    const from = isoDaysBefore(START, 89);
    const both = await s.xs<{ tppMessages: { code: string; text: string }[] }>(
      'GET',
      `${base}?bookingStatus=both&dateFrom=${from}`,
      { consentId, psuIp: '192.0.2.1' },
    );
    expect(both.status).toBe(400);
    expect(both.body.tppMessages[0]?.code).toBe('FORMAT_ERROR');
    expect(both.body.tppMessages[0]?.text).toMatch(/both.*not supported/);
    const booked = await allPages(s, `${base}?bookingStatus=booked&dateFrom=${from}`, {
      consentId,
      psuIp: '192.0.2.1',
    });
    expect(booked.pages.map((p) => p.body.transactions.booked?.length)).toEqual([50, 50, 20]);
    expect(booked.pages.every((p) => p.body.transactions.pending === undefined)).toBe(true);
    const pending = await s.xs<TxPage>('GET', `${base}?bookingStatus=pending&dateFrom=${from}`, {
      consentId,
      psuIp: '192.0.2.1',
    });
    expect(pending.status).toBe(200);
    expect(pending.body.transactions.booked).toBeUndefined();
    expect(pending.body.transactions.pending).toEqual([]);
    // erste keeps 365 days with the PSU present.
    const old = await s.xs('GET', `${base}?bookingStatus=booked&dateFrom=${isoDaysBefore(START, 366)}`, {
      consentId,
      psuIp: '192.0.2.1',
    });
    expect(old.body).toMatchObject({ tppMessages: [{ code: 'PERIOD_INVALID' }] });
  });

  it('aik pages by 25 and raiffeisen by 100', async () => {
    for (const [bankId, sizes] of [
      ['aik', [25, 25, 25, 25, 20]],
      ['raiffeisen', [100, 20]],
    ] as const) {
      const { consentId, accounts } = await connect(s, bankId, 'big120');
      const res = await allPages(
        s,
        `/${bankId}/v1/accounts/${accounts[0]?.resourceId}/transactions?bookingStatus=both&dateFrom=${isoDaysBefore(START, 89)}`,
        { consentId },
      );
      expect(res.pages.map((p) => p.body.transactions.booked?.length)).toEqual(sizes);
      expect(res.booked).toHaveLength(120);
    }
  });

  it('answers RESOURCE_UNKNOWN for an unknown bank', async () => {
    const res = await s.xs('POST', '/nobank/v1/consents', {
      body: consentBody(),
      headers: { 'TPP-Redirect-URI': TPP_REDIRECT },
    });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ tppMessages: [{ code: 'RESOURCE_UNKNOWN' }] });
  });
});

describe('consent scopes', () => {
  it('availableAccounts lists accounts only; balances and transactions answer CONSENT_INVALID', async () => {
    const { consentId, accounts } = await connect(
      s,
      'raiffeisen',
      'psu',
      consentBody({ access: { availableAccounts: 'allAccounts' } }),
    );
    expect(accounts).toHaveLength(2);
    expect(accounts[0]?._links.balances).toBeUndefined();
    const res = await s.xs('GET', `/raiffeisen/v1/accounts/${accounts[0]?.resourceId}/balances`, {
      consentId,
    });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ tppMessages: [{ code: 'CONSENT_INVALID' }] });
  });

  it('an explicit consent binds only the IBANs it names', async () => {
    const psu = await s.sim<{ accounts: { iban: string; resourceId: string }[] }>(
      'GET',
      '/sim/psus/psu?bank=aik',
    );
    const eur = psu.body.accounts[1] as { iban: string; resourceId: string };
    const { accounts } = await connect(
      s,
      'aik',
      'psu',
      consentBody({ access: { accounts: [{ iban: eur.iban }], transactions: [{ iban: eur.iban }] } }),
    );
    expect(accounts.map((a) => a.resourceId)).toEqual([eur.resourceId]);
  });

  it('allPsd2 covers everything', async () => {
    const { consentId, accounts } = await connect(
      s,
      'raiffeisen',
      'psu',
      consentBody({ access: { allPsd2: 'allAccounts' } }),
    );
    const res = await s.xs('GET', `/raiffeisen/v1/accounts/${accounts[1]?.resourceId}/balances`, {
      consentId,
    });
    expect(res.status).toBe(200);
    const created: ConsentCreated = await createConsent(s, 'raiffeisen');
    expect(created.consentId).not.toBe(consentId);
  });
});
