import { randomBytes } from 'node:crypto';
import type { FastifyContextConfig, FastifyInstance, FastifyRequest } from 'fastify';
import { type AccountRow, findKeyWithAccount } from '../accounts/store.js';
import type { Db } from '../db/index.js';
import { preparedQuery, readRows } from '../db/prepared.js';
import { findRolledSecret } from '../developers/store.js';
import { ApiError } from '../errors.js';
import { sha256Hex } from '../ids.js';
import { checkCsrf, cookieSessionToken } from './dev-cookie.js';
import { acquireKeyCache, type CachedKeyRow, type CachedKeyWithAccount, type KeyCache } from './key-cache.js';
import type { DeveloperPrincipal, KeyPrincipal, Scope } from './principals.js';
import { type SqliteKeyCache, sqliteKeyCacheFor, withAccountKey } from './sqlite-key-cache.js';

const KEY_FORMAT = /^od_(test|live)_sk_[A-Za-z0-9]{8,128}$/;

function bearer(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (header === undefined || header.trim() === '') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? '';
}

// Runs on every banking request: compiled once (see db/prepared.ts).
const findKeyByHash = preparedQuery(
  (db, hash: string) =>
    db
      .selectFrom('api_keys')
      .select(['id', 'developer_id', 'environment', 'scopes', 'status'])
      .where('key_hash', '=', hash),
  ['sample-hash'],
);

const findSessionByHash = (db: Db, hash: string) =>
  readRows(
    db,
    db
      .selectFrom('dev_sessions')
      .select(['id', 'developer_id', 'expires_at', 'revoked_at'])
      .where('token_hash', '=', hash),
  );

/**
 * One-use credentials for the dashboard's in-process calls on behalf of a key id (developers/
 * app-proxy.ts): random 256-bit value → the key's current secret hash. Never leaves the process.
 */
const proxyCredentials = new Map<string, string>();
export const PROXY_HEADER = 'x-opendinar-proxy';

/** A credential that authenticates one in-process request as the key with this hash. */
export function issueProxyCredential(keyHash: string): string {
  const credential = randomBytes(32).toString('hex');
  proxyCredentials.set(credential, keyHash);
  return credential;
}
export function dropProxyCredential(credential: string): void {
  proxyCredentials.delete(credential);
}

async function authenticateKey(
  app: FastifyInstance,
  req: FastifyRequest,
  config: FastifyContextConfig,
  token: string,
): Promise<KeyPrincipal> {
  // Well-formed or not, an unknown key answers the same; the lookup is by hash, never by plain key.
  if (!KEY_FORMAT.test(token)) throw new ApiError('INVALID_API_KEY');
  return authenticateKeyHash(app, req, config, sha256Hex(token));
}

async function authenticateKeyHash(
  app: FastifyInstance,
  req: FastifyRequest,
  config: FastifyContextConfig,
  tokenHash: string,
): Promise<KeyPrincipal> {
  const { db } = app.deps;
  const accountId = config.accountParam ? (req.params as { id?: string }).id : undefined;
  const lookup = async (hash: string) => {
    // PostgreSQL: a per-process cache invalidated by NOTIFY (http/key-cache.ts); an SQLite file: one
    // valid while nothing was committed since (http/sqlite-key-cache.ts).
    const cache = app.keyCache ?? app.sqliteKeyCache;
    if (accountId === undefined) {
      // A roll changes key_hash, so it drops the old entry. Rolled-out secrets below are never cached.
      return cache
        ? cache.lookup(hash, async () => (await findKeyByHash(db, hash))[0])
        : (await findKeyByHash(db, hash))[0];
    }
    // The key and the account cached together: dropped on either's NOTIFY or a local commit (PostgreSQL),
    // on any commit (SQLite).
    const found = cache
      ? await cache.lookupWithAccount(hash, accountId, () => findKeyWithAccount(db, hash, accountId))
      : await findKeyWithAccount(db, hash, accountId);
    req.account = found?.account ?? null;
    return found?.key;
  };
  let row = await lookup(tokenHash);
  if (!row) {
    // Not the current secret: maybe one replaced by a roll, valid until its overlap ends.
    // Two tries: the key may be rolled again between the two reads (another process).
    for (let attempt = 0; attempt < 2 && !row; attempt++) {
      const rolled = await findRolledSecret(db, tokenHash);
      if (!rolled) throw new ApiError('INVALID_API_KEY');
      if (rolled.expiresAt <= app.deps.clock.now().toISOString()) throw new ApiError('REVOKED_API_KEY');
      row = await lookup(rolled.currentHash);
    }
    if (!row) throw new ApiError('INVALID_API_KEY');
  }
  if (row.status !== 'active') throw new ApiError('REVOKED_API_KEY');
  return principalOf(row);
}

/** A link_ token acts for its key, for the connect endpoints only. */
async function authenticateLinkToken(app: FastifyInstance, token: string): Promise<KeyPrincipal> {
  const { db, clock } = app.deps;
  const row = await db
    .selectFrom('link_tokens')
    .innerJoin('api_keys', 'api_keys.id', 'link_tokens.api_key_id')
    .select([
      'link_tokens.api_key_id',
      'link_tokens.developer_id',
      'link_tokens.environment',
      'link_tokens.user_id',
      'link_tokens.connection_id',
    ])
    .select(['link_tokens.expires_at', 'api_keys.status'])
    .where('link_tokens.token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (!row) throw new ApiError('INVALID_API_KEY', 'The link token provided is not valid.');
  if (row.status !== 'active') throw new ApiError('REVOKED_API_KEY');
  if (row.expires_at <= clock.now().toISOString()) {
    throw new ApiError(
      'INVALID_API_KEY',
      'The link token has expired — create a new one with POST /link/token.',
    );
  }
  return {
    apiKeyId: row.api_key_id,
    developerId: row.developer_id,
    environment: row.environment,
    scopes: [],
    linkTokenUserId: row.user_id,
    ...(row.connection_id !== null && { linkTokenConnectionId: row.connection_id }),
  };
}

async function authenticateDeveloper(app: FastifyInstance, token: string): Promise<DeveloperPrincipal> {
  const { db, clock } = app.deps;
  if (!token.startsWith('devses_')) throw new ApiError('INVALID_DEV_TOKEN');
  const hash = sha256Hex(token);
  // The read-only connection on SQLite: a usage or log read must not wait behind a write transaction.
  const load = async () => (await findSessionByHash(db, hash))[0];
  // Cached like keys (PostgreSQL: dropped on NOTIFY; SQLite: valid while nothing was committed), so a
  // dashboard read is one round trip to the database, not two.
  const cache = app.keyCache ?? app.sqliteKeyCache;
  const row = cache ? await cache.lookupSession(hash, load) : await load();
  if (!row || row.revoked_at !== null) throw new ApiError('INVALID_DEV_TOKEN');
  if (row.expires_at <= clock.now().toISOString()) throw new ApiError('EXPIRED_DEV_TOKEN');
  return { developerId: row.developer_id, sessionId: row.id };
}

/** One onRequest hook: reads the route's `config.auth` and `config.scope` and sets req.key / req.developer. */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('key', null);
  app.decorateRequest('developer', null);
  app.decorateRequest('account', null);
  // PostgreSQL: key lookups cached per process, dropped on NOTIFY (http/key-cache.ts).
  const shared = app.deps.config.keyCache === false ? undefined : acquireKeyCache(app.deps.db);
  app.decorate('keyCache', shared?.cache ?? null);
  app.decorate(
    'sqliteKeyCache',
    app.deps.config.keyCache === false || shared ? null : sqliteKeyCacheFor(app.deps.db),
  );
  if (shared) app.addHook('onClose', () => shared.release());
  const sqliteCache = app.sqliteKeyCache;
  // Callback-style: an SQLite key-cache hit (the common case) is answered without a promise.
  app.addHook('onRequest', (req, _reply, done) => {
    // routeOptions builds a fresh frozen object on every access: read it once per request.
    const config = req.routeOptions.config;
    if ((config.auth ?? 'public') === 'public') return done();
    if (sqliteCache !== null && config.auth === 'key' && req.headers[PROXY_HEADER] === undefined) {
      const token = bearer(req);
      if (token !== null && KEY_FORMAT.test(token)) {
        const principal = cachedKeyPrincipal(sqliteCache, req, config, sha256Hex(token));
        if (principal !== undefined) {
          let failure: ApiError | undefined;
          try {
            req.key = principal;
            checkKeyAccess(principal, config);
          } catch (err) {
            failure = err as ApiError;
          }
          return done(failure);
        }
      }
    }
    authenticate(app, req, config).then(() => done(), done);
  });
}

/**
 * The SQLite key cache's answer for this request without a promise: the principal when the key (and
 * the account, on account routes) is cached and nothing was committed since — the same check as
 * authenticateKeyHash's lookup makes, read now — else undefined (then the full path runs, and
 * answers every error). Sets req.account on account routes.
 */
function cachedKeyPrincipal(
  cache: SqliteKeyCache,
  req: FastifyRequest,
  config: FastifyContextConfig,
  hash: string,
): KeyPrincipal | undefined {
  let row: CachedKeyRow | undefined;
  if (config.accountParam) {
    const accountId = (req.params as { id?: string }).id;
    if (accountId === undefined) return undefined;
    const found = cache.peek<CachedKeyWithAccount>(withAccountKey(hash, accountId));
    if (found === undefined) return undefined;
    row = found.key;
    req.account = found.account;
  } else row = cache.peek<CachedKeyRow>(hash);
  if (row === undefined || row.status !== 'active') return undefined;
  return principalOf(row);
}

function principalOf(row: CachedKeyRow): KeyPrincipal {
  return {
    apiKeyId: row.id,
    developerId: row.developer_id,
    environment: row.environment,
    scopes: JSON.parse(row.scopes) as Scope[],
  };
}

function checkKeyAccess(key: KeyPrincipal, config: FastifyContextConfig): void {
  const { scope, sandboxOnly } = config;
  if (scope && !key.scopes.includes(scope)) {
    throw new ApiError('INSUFFICIENT_PERMISSIONS', `This API key lacks the ${scope} scope.`);
  }
  if (sandboxOnly && key.environment !== 'sandbox') throw new ApiError('NOT_SANDBOX_KEY');
}

async function authenticate(app: FastifyInstance, req: FastifyRequest, config: FastifyContextConfig) {
  const { auth = 'public' } = config;
  const token = bearer(req);
  if (auth === 'developer') {
    // No Authorization header: the dashboard's httpOnly session cookie (with a CSRF check).
    const cookie = token === null ? cookieSessionToken(req) : null;
    if (token === null && cookie === null) throw new ApiError('MISSING_DEV_TOKEN');
    req.developer = await authenticateDeveloper(app, token ?? cookie ?? '');
    if (cookie !== null) checkCsrf(app, req, cookie);
    return;
  }
  const proxied = req.headers[PROXY_HEADER];
  const proxiedHash = typeof proxied === 'string' ? proxyCredentials.get(proxied) : undefined;
  if (proxiedHash !== undefined) {
    req.key = await authenticateKeyHash(app, req, config, proxiedHash);
  } else if (token === null) {
    throw new ApiError('MISSING_API_KEY');
  } else {
    req.key =
      auth === 'key-or-link' && token.startsWith('link_')
        ? await authenticateLinkToken(app, token)
        : await authenticateKey(app, req, config, token);
  }
  checkKeyAccess(req.key, config);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The API-key lookup cache (PostgreSQL); null on SQLite or with OPENDINAR_KEY_CACHE=false. */
    keyCache: KeyCache | null;
    /** The same on an SQLite file, checked against PRAGMA data_version; null elsewhere or when off. */
    sqliteKeyCache: SqliteKeyCache | null;
  }
}

/** For handlers behind `auth: 'key'`: the principal, which the hook guarantees is set. */
export function keyOf(req: FastifyRequest): KeyPrincipal {
  if (!req.key) throw new ApiError('MISSING_API_KEY');
  return req.key;
}

/** For routes with `config.accountParam`: the caller's account named by `:id`, or ACCOUNT_NOT_FOUND. */
export function accountOf(req: FastifyRequest): AccountRow {
  if (!req.account) throw new ApiError('ACCOUNT_NOT_FOUND');
  return req.account;
}

export function developerOf(req: FastifyRequest): DeveloperPrincipal {
  if (!req.developer) throw new ApiError('MISSING_DEV_TOKEN');
  return req.developer;
}
