// Validation of the POST /v1/consents body.
import { isoDay, parseIsoDay } from '../dates.js';
import { formatError } from '../errors.js';
import type { AccessKind } from './model.js';

/** validUntil is capped at this many days after today. */
export const MAX_VALIDITY_DAYS = 180;
/** frequencyPerDay is capped at this. */
export const MAX_FREQUENCY_PER_DAY = 4;

const IBAN = /^[A-Z]{2}[0-9]{2}[a-zA-Z0-9]{1,30}$/;
const ALL = ['allAccounts', 'allAccountsWithOwnerName'];

export interface ConsentRequest {
  access: Record<string, unknown>;
  accessKind: AccessKind;
  ibans: { accounts: string[]; balances: string[]; transactions: string[] };
  recurringIndicator: boolean;
  validUntilDay: number;
  frequencyPerDay: number;
  combinedServiceIndicator: boolean;
}

function ibanList(access: Record<string, unknown>, name: string): string[] | null {
  const list = access[name];
  if (list === undefined) return null;
  if (!Array.isArray(list)) throw formatError(`access.${name} must be an array of account references`);
  return list.map((ref, i) => {
    const iban = (ref as { iban?: unknown } | null)?.iban;
    if (typeof iban !== 'string') {
      throw formatError(
        `access.${name}[${i}] must carry an iban (other account references are not supported)`,
      );
    }
    if (!IBAN.test(iban)) throw formatError(`access.${name}[${i}].iban is not an IBAN`);
    return iban;
  });
}

export function parseConsentRequest(body: unknown, today: number): ConsentRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw formatError('The request body must be a JSON consent object');
  }
  const b = body as Record<string, unknown>;
  const access = b.access;
  if (typeof access !== 'object' || access === null || Array.isArray(access)) {
    throw formatError('access is missing or not an object');
  }
  const a = access as Record<string, unknown>;
  for (const key of ['availableAccounts', 'availableAccountsWithBalance', 'allPsd2']) {
    if (a[key] !== undefined && !ALL.includes(a[key] as string)) {
      throw formatError(`access.${key} must be "allAccounts" or "allAccountsWithOwnerName"`);
    }
  }
  const accounts = ibanList(a, 'accounts');
  const balances = ibanList(a, 'balances');
  const transactions = ibanList(a, 'transactions');
  const lists = [accounts, balances, transactions].filter((l): l is string[] => l !== null);
  const globals = ['allPsd2', 'availableAccountsWithBalance', 'availableAccounts'].filter(
    (k) => a[k] !== undefined,
  );
  if (globals.length > 1 || (globals.length === 1 && lists.some((l) => l.length > 0))) {
    throw formatError('access mixes account lists with a global access right');
  }
  let accessKind: AccessKind;
  if (globals.length === 1) accessKind = globals[0] as AccessKind;
  else if (lists.length === 0) throw formatError('access names no account list and no global access right');
  else if (lists.every((l) => l.length === 0)) accessKind = 'bankOffered';
  else accessKind = 'explicit';

  if (typeof b.recurringIndicator !== 'boolean') throw formatError('recurringIndicator must be a boolean');
  const validUntil = parseIsoDay(b.validUntil);
  if (validUntil === null) throw formatError('validUntil must be a date (YYYY-MM-DD)');
  if (validUntil < today)
    throw formatError(`validUntil ${b.validUntil} is in the past (today is ${isoDay(today)})`);
  const f = b.frequencyPerDay;
  if (typeof f !== 'number' || !Number.isInteger(f) || f < 1) {
    throw formatError('frequencyPerDay must be an integer of at least 1');
  }
  if (typeof b.combinedServiceIndicator !== 'boolean') {
    throw formatError('combinedServiceIndicator must be a boolean');
  }
  if (b.combinedServiceIndicator) throw formatError('Combined AIS/PIS sessions are not supported');
  return {
    access: a,
    accessKind,
    ibans: { accounts: accounts ?? [], balances: balances ?? [], transactions: transactions ?? [] },
    recurringIndicator: b.recurringIndicator,
    validUntilDay: Math.min(validUntil, today + MAX_VALIDITY_DAYS),
    frequencyPerDay: b.recurringIndicator ? Math.min(f, MAX_FREQUENCY_PER_DAY) : 1,
    combinedServiceIndicator: false,
  };
}
