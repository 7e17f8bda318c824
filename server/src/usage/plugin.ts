import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PREFIX_LENGTH as KEY_PREFIX_LENGTH } from '../developers/store.js';
import type { KeyPrincipal } from '../http/principals.js';
import { sha256Hex } from '../ids.js';
import { DEFAULT_RECORDER_OPTIONS, type RecorderOptions, UsageRecorder } from './recorder.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Usage recording; `await app.usage.flush()` writes everything recorded so far. */
    usage: UsageRecorder;
  }
}

/** Endpoint name for requests that matched no route (the raw path would explode the breakdown). */
export const unmatchedEndpoint = (method: string): string => `${method} (unmatched route)`;

const API_KEY_BEARER = /^Bearer\s+(od_(?:test|live)_sk_[A-Za-z0-9]{8,128})\s*$/i;

/**
 * Whose request this was: the authenticated key as it is, or else the hash of an API key the request
 * carried without authenticating (refused key, public or unknown route); null when it carried none.
 */
function requester(req: FastifyRequest): { key: KeyPrincipal } | { keyHash: string } | null {
  if (req.key) return { key: req.key };
  const header = req.headers.authorization;
  if (header === undefined) return null;
  const match = API_KEY_BEARER.exec(header);
  return match?.[1] ? { keyHash: sha256Hex(match[1]) } : null;
}

/** Tokens that may sit in a path (GET /connect/status/:session_token) never reach the request log. */
const TOKEN_IN_PATH = /\b(sess|public|link|devses|pwreset|whsec|od_(?:test|live)_sk)_[A-Za-z0-9_-]+/g;
function loggedPath(url: string): string {
  const path = url.length > 1000 ? url.slice(0, 1000) : url;
  return path.replace(TOKEN_IN_PATH, '$1_…');
}

/** The visible prefix of the credential used (as listed on the keys page); null for the dashboard's own calls. */
function credentialPrefix(req: FastifyRequest): string | null {
  const token = /^Bearer\s+(\S+)/i.exec(req.headers.authorization ?? '')?.[1];
  if (!token) return null;
  return token.startsWith('link_') ? `${token.slice(0, 9)}` : token.slice(0, KEY_PREFIX_LENGTH);
}

/**
 * Records every request made with an API key: route pattern, status, error code, request id,
 * key, environment and time. Called on the root instance, so the hook is global and `app.usage`
 * is visible everywhere. Requests whose key was refused (revoked) or whose route does not exist
 * are resolved to their key by hash when the batch is written; keys that do not exist are not recorded.
 */
export function registerUsageRecording(
  app: FastifyInstance,
  options: RecorderOptions = DEFAULT_RECORDER_OPTIONS,
): void {
  const recorder = new UsageRecorder(app.deps.db, app.deps.dialect, app.log, options);
  app.decorate('usage', recorder);

  // Off only when the operator says so (the bench measures recording's cost this way).
  if (!app.deps.config.usageRecording) return;

  app.addHook('onResponse', (req, reply, done) => {
    const who = requester(req);
    if (who) {
      recorder.record({
        method: req.method,
        // routeOptions builds a fresh frozen object on every access: read the pattern once.
        endpoint: req.is404 ? unmatchedEndpoint(req.method) : `${req.method} ${req.routeOptions.url}`,
        status: reply.statusCode,
        errorCode: req.errorCode,
        requestId: req.id,
        at: app.deps.clock.now(),
        log: {
          path: loggedPath(req.url),
          latencyMs: reply.elapsedTime,
          keyPrefix: credentialPrefix(req),
          errorBody: req.errorBody,
        },
        ...who,
      });
    }
    done();
  });

  app.addHook('onReady', async () => {
    recorder.start();
  });
  // onClose runs before main.ts closes the database, so a graceful shutdown loses nothing.
  app.addHook('onClose', async () => {
    await recorder.stop();
  });
}
