import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { Connectors } from '../connectors/registry.js';
import type { Db, Dialect } from '../db/index.js';
import type { SecretBox } from '../secrets.js';

export type Scope = 'accounts:read' | 'balance:read' | 'transactions:read';
export const ALL_SCOPES: readonly Scope[] = ['accounts:read', 'balance:read', 'transactions:read'];

export type Environment = 'sandbox' | 'live';

/** The caller of a banking endpoint: an API key (or a link token acting for one). */
export interface KeyPrincipal {
  apiKeyId: string;
  developerId: string;
  environment: Environment;
  scopes: readonly Scope[];
  /** Set when the caller authenticated with a `link_…` token instead of the secret key. */
  linkTokenUserId?: string;
  /** Set when that link token was made for update mode (re-authorising this connection). */
  linkTokenConnectionId?: string;
}

export interface DeveloperPrincipal {
  developerId: string;
  sessionId: string;
}

/**
 * How a route authenticates:
 * - 'public': nobody;
 * - 'key': an od_*_sk_ API key (with `scope` when one is needed);
 * - 'key-or-link': an API key or a short-lived link_ token (connect endpoints the widget calls);
 * - 'developer': a devses_ developer session.
 */
export type AuthMode = 'public' | 'key' | 'key-or-link' | 'developer';

/** Everything routes need, decorated once on the Fastify instance as `app.deps`. */
export interface AppDeps {
  db: Db;
  dialect: Dialect;
  clock: Clock;
  config: Config;
  box: SecretBox;
  /** E-mail (password resets); the default logs links in development and sends nothing. */
  mailer?: import('../developers/mailer.js').Mailer;
  /**
   * The bank connectors (sandbox + configured live banks). Built from `config` and `clock` on first
   * use when absent (connectorsOf); tests pass their own to inject delays or a bank double.
   */
  connectors?: Connectors;
}

const built = new WeakMap<AppDeps, Connectors>();

/** The app's connectors: deps.connectors, or ones built once from deps.config and deps.clock. */
export function connectorsOf(deps: AppDeps): Connectors {
  if (deps.connectors) return deps.connectors;
  let c = built.get(deps);
  if (!c) {
    c = new Connectors({ clock: deps.clock, liveBanks: deps.config.liveBanks ?? {} });
    built.set(deps, c);
  }
  return c;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthMode;
    scope?: Scope;
    sandboxOnly?: boolean;
    /**
     * The route's `:id` is an account of the caller's key: auth looks the key and the account up
     * in one query (one round trip fewer on every account endpoint); handlers use `accountOf(req)`.
     */
    accountParam?: boolean;
  }
  interface FastifyRequest {
    /** With `config.accountParam`: the caller's account named by `:id`, or null when it is not theirs. */
    account: import('../accounts/store.js').AccountRow | null;
    key: KeyPrincipal | null;
    developer: DeveloperPrincipal | null;
    /** Error code of the answer, for usage recording. */
    errorCode: string | null;
    /** The error body sent, for the request log. */
    errorBody: object | null;
  }
  interface FastifyInstance {
    /** SIGTERM: answer what is in flight, 503 the rest, until quiet (http/drain.ts); then close. */
    drainRequests(opts: { quietMs: number; maxMs: number }): Promise<void>;
    deps: AppDeps;
  }
}
