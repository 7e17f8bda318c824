import { ConnectorError } from '../connectors/types.js';
import type { Executor } from '../db/index.js';
import { ApiError } from '../errors.js';

/**
 * Sandbox test users (like Plaid's): the username typed on the sandbox bank page picks how the
 * "bank" behaves, so an app can rehearse each failure it must handle. Any other username logs in
 * normally (as `user_good` does). Each failure takes the same path as a live bank's: the same
 * error codes, the same connection status, the same webhooks.
 */
export type TestUserBehaviour = 'good' | 'bad_password' | 'locked' | 'bank_down' | 'consent_expiring';

export interface TestUser {
  username: string;
  behaviour: TestUserBehaviour;
  /** For the /docs table (English). */
  doc: string;
  /** A few words for the bank page's hint, in its two languages. */
  hint: { sr: string; en: string };
}

/** A consent `user_consent_expiring` gets lasts this long. */
export const EXPIRING_CONSENT_SECONDS = 60;
/** The Retry-After `user_bank_down`'s outage answers with. */
export const BANK_DOWN_RETRY_AFTER_SECONDS = 60;

export const TEST_USERS: readonly TestUser[] = [
  {
    username: 'user_good',
    behaviour: 'good',
    doc: 'Logs in; the connection is created with generated data (so does any username not listed here).',
    hint: {
      sr: 'uspešna prijava (kao i svako drugo korisničko ime)',
      en: 'logs in (so does any other username)',
    },
  },
  {
    username: 'user_bad_password',
    behaviour: 'bad_password',
    doc: 'Wrong password: the bank page says so and lets the user try again; no connection is created (POST /sandbox/authorize answers 401 INVALID_CREDENTIALS, the session stays pending).',
    hint: { sr: 'pogrešna lozinka — možete pokušati ponovo', en: 'wrong password — you can try again' },
  },
  {
    username: 'user_locked',
    behaviour: 'locked',
    doc: 'The account is locked at the bank: the page says so and the session ends — status polls answer 400 ITEM_LOCKED and the widget calls onExit({error_code: "ITEM_LOCKED", …}).',
    hint: {
      sr: 'račun je zaključan u banci — povezivanje se završava greškom',
      en: 'the account is locked — connecting ends with an error',
    },
  },
  {
    username: 'user_bank_down',
    behaviour: 'bank_down',
    doc: `Logs in, but the bank's data interface is down: the exchange (and later syncs) answer 503 BANK_UNAVAILABLE with Retry-After: ${BANK_DOWN_RETRY_AFTER_SECONDS}, as a live bank outage does; the public token stays usable.`,
    hint: {
      sr: 'banka ne odgovara — razmena tokena vraća BANK_UNAVAILABLE',
      en: 'the bank is down — the exchange answers BANK_UNAVAILABLE',
    },
  },
  {
    username: 'user_consent_expiring',
    behaviour: 'consent_expiring',
    doc: `Logs in with a consent that ends ${EXPIRING_CONSENT_SECONDS} seconds later (consent_expires_at). After it: reads keep serving the data held, a sync answers 400 ITEM_LOGIN_REQUIRED, the connection turns reauth_required and ITEM.LOGIN_REQUIRED fires — as for a live consent that expired.`,
    hint: {
      sr: `saglasnost ističe posle ${EXPIRING_CONSENT_SECONDS} sekundi`,
      en: `the consent expires after ${EXPIRING_CONSENT_SECONDS} seconds`,
    },
  },
];

export function testUserBehaviour(username: string | undefined): TestUserBehaviour {
  const name = username?.trim().toLowerCase();
  return TEST_USERS.find((u) => u.username === name)?.behaviour ?? 'good';
}

/**
 * The login step (POST /sandbox/authorize with a username), run on a pending, unexpired session
 * before it is approved. A wrong password leaves the session pending; a locked account ends it
 * (denied, with ITEM_LOCKED kept for status polls). Both answer the error the page shows.
 */
export async function checkSandboxLogin(
  db: Executor,
  sessionId: string,
  username: string | undefined,
  nowIso: string,
): Promise<void> {
  const behaviour = testUserBehaviour(username);
  if (behaviour === 'bad_password') {
    throw new ApiError(
      'INVALID_CREDENTIALS',
      'Wrong password for this sandbox test user (user_bad_password) — the session stays open; try again with another username.',
    );
  }
  if (behaviour === 'locked') {
    await db
      .updateTable('connect_sessions')
      .set({ status: 'denied', error_code: 'ITEM_LOCKED' })
      .where('id', '=', sessionId)
      .where('status', '=', 'pending')
      .where('expires_at', '>', nowIso)
      .execute();
    throw new ApiError('ITEM_LOCKED');
  }
}

/** What a test user adds to the sandbox grant at authorisation. */
export interface TestUserGrant {
  bankDown?: true;
  validUntil?: string;
}

export function testUserGrant(username: string | undefined, now: Date): TestUserGrant {
  switch (testUserBehaviour(username)) {
    case 'bank_down':
      return { bankDown: true };
    case 'consent_expiring':
      return { validUntil: new Date(now.getTime() + EXPIRING_CONSENT_SECONDS * 1000).toISOString() };
    default:
      return {};
  }
}

/** Every read of a sandbox grant: the bank is down, or the consent has ended, as a live bank says it. */
export function assertGrantUsable(grant: TestUserGrant, now: Date): void {
  if (grant.bankDown) {
    throw new ConnectorError(
      'bank_unavailable',
      'sandbox test user user_bank_down: the bank does not answer',
      BANK_DOWN_RETRY_AFTER_SECONDS,
    );
  }
  if (grant.validUntil !== undefined && grant.validUntil <= now.toISOString()) {
    throw new ConnectorError('consent_expired', 'sandbox consent expired (user_consent_expiring)');
  }
}
