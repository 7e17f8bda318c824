// What an account call needs before it may read: a live consent, a grant on the account, budget left.
import type { FastifyRequest } from 'fastify';
import type { Bank } from '../bank.js';
import type { Consent, Grant } from '../consents/model.js';
import type { Account } from '../data/generator.js';
import { DAY_MS } from '../dates.js';
import { formatError, XsError } from '../errors.js';
import { header } from '../http.js';
import type { BankProfile } from '../profiles.js';

/** The consent named by the Consent-ID header, which must be valid. */
export function liveConsent(bank: Bank, request: FastifyRequest, profile: BankProfile): Consent {
  const consentId = header(request, 'consent-id');
  if (!consentId) throw formatError('The Consent-ID header is missing');
  const consent = bank.consent(consentId);
  if (!consent || consent.bankId !== profile.id) {
    throw new XsError(403, 'CONSENT_UNKNOWN', 'The Consent-ID is unknown to this bank');
  }
  if (consent.status === 'expired') {
    throw new XsError(401, 'CONSENT_EXPIRED', 'The consent has expired; the PSU must authorise a new one');
  }
  if (consent.status !== 'valid') {
    throw new XsError(401, 'CONSENT_INVALID', `The consent is not valid (status ${consent.status})`);
  }
  return consent;
}

export type Need = 'details' | 'balances' | 'transactions';

/** The account in the path, if the consent covers it for this kind of read. */
export function grantedAccount(
  bank: Bank,
  consent: Consent,
  resourceId: string,
  need: Need,
): { account: Account; grant: Grant } {
  const grant = consent.grants.find((g) => g.resourceId === resourceId);
  const account = grant ? bank.account(resourceId) : undefined;
  if (!grant || !account) {
    throw new XsError(
      404,
      'RESOURCE_UNKNOWN',
      'The account in the path is unknown or not covered by the consent',
    );
  }
  if ((need === 'balances' && !grant.balances) || (need === 'transactions' && !grant.transactions)) {
    throw new XsError(401, 'CONSENT_INVALID', `The consent does not cover ${need} of this account`);
  }
  return { account, grant };
}

/**
 * Count one unattended read of the account (none when the PSU is present). The read past
 * `frequencyPerDay` answers 429 ACCESS_EXCEEDED with Retry-After until bank midnight (UTC).
 */
export function countRead(bank: Bank, consent: Consent, resourceId: string, psuIp: string | null): void {
  if (psuIp !== null) return;
  const today = bank.today();
  if (!bank.state.budget.take(consent.consentId, resourceId, today, consent.frequencyPerDay)) {
    const retryAfter = Math.max(1, Math.ceil(((today + 1) * DAY_MS - bank.clock.now().getTime()) / 1000));
    throw new XsError(
      429,
      'ACCESS_EXCEEDED',
      `The ${consent.frequencyPerDay} unattended reads a day allowed on this account are used up; the limit resets at midnight UTC`,
      { 'retry-after': String(retryAfter) },
    );
  }
}
