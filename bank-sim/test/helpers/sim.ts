// A listening bank-sim on port 0 and small clients for its XS2A and /sim APIs. Every XS2A JSON answer
// is validated against the Berlin Group OpenAPI file (see spec.ts) before the test sees it.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { buildBankSim } from '../../src/app.js';
import { type SpecCheck, templateOf, validateAgainstSpec } from './spec.js';

export const START = '2026-12-06T10:00:00.000Z';

export interface Answer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface XsOptions {
  consentId?: string;
  psuIp?: string;
  /** null: send no X-Request-ID. */
  requestId?: string | null;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface Sim {
  app: FastifyInstance;
  base: string;
  /** Every spec check made so far (operation, status, response schema). */
  checks: SpecCheck[];
  xs<T = Record<string, unknown>>(method: string, path: string, options?: XsOptions): Promise<Answer<T>>;
  sim<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<Answer<T>>;
  close(): Promise<void>;
}

async function read<T>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('application/json') && text !== '';
  return { status: res.status, headers: res.headers, body: (json ? JSON.parse(text) : undefined) as T, text };
}

/** Start a bank-sim whose clock begins at `start` (and stands still until /sim/clock moves it). */
export async function startSim(start = START): Promise<Sim> {
  const fixed = new Date(start);
  const app = await buildBankSim({ now: () => fixed });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('bank-sim is not listening');
  const base = `http://127.0.0.1:${address.port}`;
  const checks: SpecCheck[] = [];
  return {
    app,
    base,
    checks,
    async xs<T>(method: string, path: string, options: XsOptions = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.requestId !== null) headers['X-Request-ID'] = options.requestId ?? randomUUID();
      if (options.consentId) headers['Consent-ID'] = options.consentId;
      if (options.psuIp) headers['PSU-IP-Address'] = options.psuIp;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(base + path, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        redirect: 'manual',
      });
      const answer = await read<T>(res);
      const template = templateOf(path);
      if (template) {
        if (answer.text !== '' && answer.body === undefined) {
          throw new Error(
            `${method} ${path} answered ${answer.status} without JSON: ${answer.text.slice(0, 200)}`,
          );
        }
        checks.push(validateAgainstSpec(template, method, answer.status, answer.body, answer.text !== ''));
        if (options.requestId !== null)
          expect(answer.headers.get('x-request-id')).toBe(headers['X-Request-ID']);
      }
      return answer;
    },
    async sim<T>(method: string, path: string, body?: unknown) {
      const res = await fetch(base + path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return read<T>(res);
    },
    close: () => app.close(),
  };
}

export const TPP_REDIRECT = 'https://tpp.example/callback?state=s-123';
export const TPP_NOK_REDIRECT = 'https://tpp.example/failed?state=s-123';

export function consentBody(overrides: Record<string, unknown> = {}) {
  return {
    access: { accounts: [], balances: [], transactions: [] },
    recurringIndicator: true,
    validUntil: '2027-03-01',
    frequencyPerDay: 4,
    combinedServiceIndicator: false,
    ...overrides,
  };
}

export interface ConsentCreated {
  consentStatus: string;
  consentId: string;
  _links: { scaRedirect: { href: string }; self: { href: string }; status: { href: string } };
}

export async function createConsent(
  s: Sim,
  bankId: string,
  body: Record<string, unknown> = consentBody(),
  headers: Record<string, string> = { 'TPP-Redirect-URI': TPP_REDIRECT },
): Promise<ConsentCreated> {
  const res = await s.xs<ConsentCreated>('POST', `/${bankId}/v1/consents`, { body, headers });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export interface AccountJson {
  resourceId: string;
  iban: string;
  currency: string;
  name: string;
  product: string;
  cashAccountType: string;
  status: string;
  ownerName?: string;
  balances?: {
    balanceType: string;
    balanceAmount: { currency: string; amount: string };
    referenceDate?: string;
  }[];
  _links: Record<string, { href: string }>;
}

/** A valid consent for `username` at `bankId` (approved through /sim), with its accounts. */
export async function connect(
  s: Sim,
  bankId: string,
  username = 'psu',
  body: Record<string, unknown> = consentBody(),
): Promise<{ consentId: string; accounts: AccountJson[] }> {
  const { consentId } = await createConsent(s, bankId, body);
  const approved = await s.sim('POST', `/sim/consents/${consentId}/approve`, { username });
  expect(approved.status, approved.text).toBe(200);
  const list = await s.xs<{ accounts: AccountJson[] }>('GET', `/${bankId}/v1/accounts`, { consentId });
  expect(list.status, list.text).toBe(200);
  return { consentId, accounts: list.body.accounts };
}

export interface TxJson {
  transactionId: string;
  bookingDate?: string;
  valueDate: string;
  transactionAmount: { currency: string; amount: string };
  creditorName?: string;
  creditorAccount?: { iban: string };
  debtorName?: string;
  debtorAccount?: { iban: string };
  remittanceInformationUnstructured: string;
}

export interface TxPage {
  account: { iban: string };
  transactions: {
    booked?: TxJson[];
    pending?: TxJson[];
    _links: { account: { href: string }; next?: { href: string } };
  };
}

/** Follow `_links.next` from a first page; returns every page. */
export async function allPages(
  s: Sim,
  firstPath: string,
  options: XsOptions,
): Promise<{ pages: Answer<TxPage>[]; booked: TxJson[]; pending: TxJson[] }> {
  const pages: Answer<TxPage>[] = [];
  let path: string | undefined = firstPath;
  while (path) {
    const page: Answer<TxPage> = await s.xs<TxPage>('GET', path, options);
    expect(page.status, page.text).toBe(200);
    pages.push(page);
    path = page.body.transactions._links.next?.href;
  }
  return {
    pages,
    booked: pages.flatMap((p) => p.body.transactions.booked ?? []),
    pending: pages.flatMap((p) => p.body.transactions.pending ?? []),
  };
}

export function isoDaysBefore(iso: string, days: number): string {
  return new Date(Date.parse(iso) - days * 86_400_000).toISOString().slice(0, 10);
}
