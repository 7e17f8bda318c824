import { findBank } from '../banks/catalogue.js';
import { ApiError } from '../errors.js';
import { type AppDeps, connectorsOf } from '../http/principals.js';
import { newToken, sha256Hex } from '../ids.js';
import { checkSandboxLogin } from '../sandbox/test-users.js';
import { PUBLIC_TOKEN_TTL_SECONDS, plusSeconds, secondsUntil } from './session.js';
import { findSessionByToken, markAuthorized, markDenied, type SessionRow } from './store.js';

/**
 * The sandbox bank's side of the flow (the page's buttons and POST /sandbox/authorize|deny).
 * Only sessions served by the sandbox connector can be decided here; anything else answers
 * SESSION_NOT_FOUND, as if it did not exist.
 */
export async function findSandboxSession(deps: AppDeps, sessionToken: string): Promise<SessionRow> {
  const row = await findSessionByToken(deps.db, sha256Hex(sessionToken));
  const bank = row ? findBank(row.bank_id) : undefined;
  const choice = row && bank ? connectorsOf(deps).for(bank, row.environment) : undefined;
  if (!row || !choice || !('connector' in choice) || choice.connector.id !== 'sandbox') {
    throw new ApiError('SESSION_NOT_FOUND', 'No sandbox connect session has this token.');
  }
  return row;
}

function alreadyDecided(row: SessionRow): ApiError {
  const outcome = row.status === 'denied' ? 'declined' : 'approved';
  return new ApiError(
    'SESSION_ALREADY_COMPLETED',
    `The user already ${outcome} this session — start a new one with POST /connect.`,
  );
}

export interface Authorized {
  status: 'authorized';
  public_token: string;
  expires_in: number;
}

/**
 * Approves a pending session: obtains the bank grant and issues a 5-minute public token, kept
 * hashed for the exchange and sealed for status polls. Approving again (a double click, a reload)
 * returns the same token while it is valid.
 */
export async function authorizeSandboxSession(
  deps: AppDeps,
  sessionToken: string,
  /** The username typed on the bank page: a sandbox test user (sandbox/test-users.ts) or anyone. */
  username?: string,
): Promise<Authorized> {
  const row = await findSandboxSession(deps, sessionToken);
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  if (row.status === 'authorized') {
    if (!row.public_token_enc || !row.public_token_expires_at || row.public_token_expires_at <= nowIso) {
      throw new ApiError('PUBLIC_TOKEN_EXPIRED');
    }
    return {
      status: 'authorized',
      public_token: deps.box.open(row.public_token_enc),
      expires_in: secondsUntil(row.public_token_expires_at, now),
    };
  }
  if (row.status !== 'pending') throw alreadyDecided(row);
  if (row.expires_at <= nowIso) throw new ApiError('SESSION_EXPIRED');
  await checkSandboxLogin(deps.db, row.id, username, nowIso);

  const bank = findBank(row.bank_id);
  const choice = bank ? connectorsOf(deps).for(bank, row.environment) : undefined;
  if (!choice || !('connector' in choice)) throw new ApiError('BANK_NOT_AVAILABLE');
  const { grant, validUntil } = await choice.connector.completeAuthorization({
    bankId: row.bank_id,
    userId: row.user_id,
    sessionId: row.id,
    state: '',
    ...(username !== undefined && { params: { username } }),
  });
  const publicToken = newToken('public');
  const won = await markAuthorized(deps.db, row.id, nowIso, {
    publicTokenHash: sha256Hex(publicToken),
    publicTokenEnc: deps.box.seal(publicToken),
    publicTokenExpiresAt: plusSeconds(now, PUBLIC_TOKEN_TTL_SECONDS),
    grantEnc: deps.box.seal(grant),
    consentExpiresAt: validUntil,
  });
  // Lost a race with another click: answer whatever that one decided.
  if (!won) return authorizeSandboxSession(deps, sessionToken, username);
  return { status: 'authorized', public_token: publicToken, expires_in: PUBLIC_TOKEN_TTL_SECONDS };
}

/** The user declined: the session ends as denied (idempotent); status polls then answer {status:"denied"}. */
export async function denySandboxSession(deps: AppDeps, sessionToken: string): Promise<{ status: 'denied' }> {
  const row = await findSandboxSession(deps, sessionToken);
  const nowIso = deps.clock.now().toISOString();
  if (row.status === 'denied') return { status: 'denied' };
  if (row.status !== 'pending') throw alreadyDecided(row);
  if (row.expires_at <= nowIso) throw new ApiError('SESSION_EXPIRED');
  if (!(await markDenied(deps.db, row.id, nowIso))) return denySandboxSession(deps, sessionToken);
  return { status: 'denied' };
}
