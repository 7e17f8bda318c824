import type { FastifyBaseLogger } from 'fastify';
import { findBank } from '../banks/catalogue.js';
import { apiErrorOf } from '../connectors/errors.js';
import { type BankConnector, ConnectorError } from '../connectors/types.js';
import { ApiError } from '../errors.js';
import { type AppDeps, connectorsOf } from '../http/principals.js';
import { newToken, sha256Hex } from '../ids.js';
import { PUBLIC_TOKEN_TTL_SECONDS, plusSeconds } from './session.js';
import { findSessionByAuthState, markAuthorized, markDenied, type SessionRow } from './store.js';

/**
 * The live side of the connect flow: the bank redirects the user back to
 * GET /connect/callback?state=… (or never does, and a status poll asks the bank instead). Either
 * way the consent is checked at the bank, the grant sealed, and the session becomes authorized
 * with a 5-minute public token — exactly as the sandbox page's Approve does.
 */
function connectorOf(deps: AppDeps, row: SessionRow): BankConnector {
  const bank = findBank(row.bank_id);
  const choice = bank ? connectorsOf(deps).for(bank, row.environment) : undefined;
  if (!choice || !('connector' in choice)) throw new ApiError('BANK_NOT_AVAILABLE', choice?.unavailable);
  return choice.connector;
}

/** pending → authorized after the bank confirmed the consent; false when another request won. */
async function completeLiveSession(
  deps: AppDeps,
  row: SessionRow,
  params?: Record<string, string>,
): Promise<boolean> {
  if (row.auth_context_enc === null) throw new ApiError('SESSION_NOT_FOUND');
  const connector = connectorOf(deps, row);
  const done = await connector.completeAuthorization({
    bankId: row.bank_id,
    userId: row.user_id,
    sessionId: row.id,
    state: deps.box.open(row.auth_context_enc),
    ...(params && { params }),
  });
  const now = deps.clock.now();
  const publicToken = newToken('public');
  return markAuthorized(deps.db, row.id, now.toISOString(), {
    publicTokenHash: sha256Hex(publicToken),
    publicTokenEnc: deps.box.seal(publicToken),
    publicTokenExpiresAt: plusSeconds(now, PUBLIC_TOKEN_TTL_SECONDS),
    grantEnc: deps.box.seal(done.grant),
    consentExpiresAt: done.validUntil,
  });
}

/**
 * A status poll on a pending live session: asks the bank where the consent stands and moves the
 * session on when the user approved (or declined) at the bank. Bank trouble leaves it pending.
 * True when the session changed.
 */
export async function pollLiveSession(deps: AppDeps, row: SessionRow): Promise<boolean> {
  const connector = connectorOf(deps, row);
  if (!connector.pollAuthorization || row.auth_context_enc === null) return false;
  try {
    const status = await connector.pollAuthorization(deps.box.open(row.auth_context_enc));
    if (status === 'authorized') return await completeLiveSession(deps, row);
    if (status === 'denied' || status === 'expired')
      return markDenied(deps.db, row.id, deps.clock.now().toISOString());
  } catch (err) {
    if (!(err instanceof ConnectorError)) throw err;
  }
  return false;
}

/**
 * GET /connect/callback?state=…: where the bank's SCA page sends the user back. Completes the
 * authorisation (or records the refusal, `error=…`) and returns where to send the user next: the
 * app's redirect_url with `status=authorized|denied|pending`, like the sandbox page does.
 */
export async function handleCallback(
  deps: AppDeps,
  state: string,
  query: Record<string, string>,
  log: FastifyBaseLogger,
): Promise<string> {
  const row = await findSessionByAuthState(deps.db, sha256Hex(state));
  if (!row || row.auth_context_enc === null) {
    throw new ApiError('SESSION_NOT_FOUND', 'No connect session is waiting for this bank redirect.');
  }
  const nowIso = deps.clock.now().toISOString();
  let status: 'authorized' | 'denied' | 'pending' = 'pending';
  if (row.status === 'pending') {
    if (row.expires_at <= nowIso) throw new ApiError('SESSION_EXPIRED');
    if (query.error !== undefined) {
      await markDenied(deps.db, row.id, nowIso);
      status = 'denied';
    } else {
      try {
        await completeLiveSession(deps, row, query);
        status = 'authorized';
      } catch (err) {
        if (!(err instanceof ConnectorError)) throw err;
        // Consent not (yet) valid, or the bank did not answer: the app's status polls ask again.
        log.warn({ kind: err.kind, session_id: row.id }, 'bank redirect came back without a valid consent');
        if (err.kind === 'bank_unavailable') throw apiErrorOf(err);
      }
    }
  } else if (row.status === 'denied') status = 'denied';
  else status = 'authorized';
  const target = new URL(row.redirect_url);
  target.searchParams.set('status', status);
  return target.toString();
}
