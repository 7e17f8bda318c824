import type { AppDeps, KeyPrincipal } from '../http/principals.js';
import { newId, newToken, sha256Hex } from '../ids.js';
import { checkUpdateTarget, plusSeconds } from './session.js';
import { insertLinkToken } from './store.js';

/** Long enough for a user to pick a bank and log in, short enough to be harmless if it leaks. */
export const LINK_TOKEN_TTL_SECONDS = 1800;

/**
 * POST /link/token: a browser-safe stand-in for the secret key. It can only start sessions and
 * poll them (for this one user); it cannot exchange, read data or create more tokens.
 */
export async function createLinkToken(
  deps: AppDeps,
  key: KeyPrincipal,
  userId: string,
  connectionId?: string,
): Promise<{ link_token: string; expires_in: number; user_id: string; connection_id?: string }> {
  if (connectionId !== undefined) await checkUpdateTarget(deps, key, { connectionId, userId });
  const now = deps.clock.now();
  const token = newToken('link');
  await insertLinkToken(deps.db, {
    id: newId('lt'),
    token_hash: sha256Hex(token),
    api_key_id: key.apiKeyId,
    developer_id: key.developerId,
    environment: key.environment,
    user_id: userId,
    created_at: now.toISOString(),
    expires_at: plusSeconds(now, LINK_TOKEN_TTL_SECONDS),
    connection_id: connectionId ?? null,
  });
  return {
    link_token: token,
    expires_in: LINK_TOKEN_TTL_SECONDS,
    user_id: userId,
    ...(connectionId !== undefined && { connection_id: connectionId }),
  };
}
