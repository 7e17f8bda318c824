import type { FastifyInstance, FastifyReply, FastifyRequest, onSendHookHandler } from 'fastify';
import { ApiError } from '../errors.js';
import { sha256Hex } from '../ids.js';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  deleteExpiredIdempotencyKeys,
  findIdempotencyKey,
  releaseIdempotencyKey,
  takeOverIdempotencyKey,
} from './store.js';

/** Every POST that creates or changes something; a retry with the same Idempotency-Key is safe on these. */
export const IDEMPOTENT_ROUTES: ReadonlySet<string> = new Set([
  '/connect',
  '/connect/exchange',
  '/link/token',
  '/accounts/:id/sync',
  '/developers/keys',
  '/developers/webhooks',
  '/developers/webhooks/:id/test',
  '/developers/webhooks/:id/deliveries/:delivery_id/retry',
  '/developers/webhooks/:id/rotate-secret',
  '/sandbox/connections',
]);

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;
export const IDEMPOTENCY_KEY_MAX_LENGTH = 255;
/** A request still "in flight" after this long was abandoned (its process died): the key may be reused. */
const ABANDONED_AFTER_MS = 5 * 60_000;
const SWEEP_EVERY_CLAIMS = 500;

interface Claim {
  owner: string;
  key: string;
  createdAt: string;
  finished: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: Claim;
  }
}

const PRINTABLE = /^[\x21-\x7e][\x20-\x7e]*$/;

/**
 * Stripe-style idempotency keys (see /docs#idempotency). The first answer to a POST carrying
 * `Idempotency-Key` is stored — encrypted, since it may hold a new API key or a whsec_ secret — for
 * 24 hours per key owner (API key or developer), in the database so every process sees it. A
 * retry with the same key and body gets that answer again with `Idempotent-Replayed: true`; a
 * different body → 422 IDEMPOTENCY_KEY_REUSED; while the first is in flight → 409
 * IDEMPOTENCY_KEY_IN_USE. Hooks are attached to the listed routes only: other routes pay nothing.
 */
export function registerIdempotency(app: FastifyInstance): void {
  const { db, clock, box } = app.deps;
  let claims = 0;

  async function begin(req: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const header = req.headers['idempotency-key'];
    if (header === undefined) return;
    const key = Array.isArray(header) ? header[0] : header;
    if (!key || key.length > IDEMPOTENCY_KEY_MAX_LENGTH || !PRINTABLE.test(key)) {
      throw new ApiError(
        'INVALID_FIELD',
        `Invalid header 'Idempotency-Key': 1–${IDEMPOTENCY_KEY_MAX_LENGTH} printable ASCII characters.`,
      );
    }
    const owner = req.key
      ? `key:${req.key.apiKeyId}`
      : req.developer
        ? `dev:${req.developer.developerId}`
        : null;
    if (!owner) return;
    const now = clock.now();
    const fresh = {
      request_hash: sha256Hex(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + IDEMPOTENCY_TTL_MS).toISOString(),
    };
    if (++claims % SWEEP_EVERY_CLAIMS === 0) await deleteExpiredIdempotencyKeys(db, fresh.created_at);
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await claimIdempotencyKey(db, { owner, idem_key: key, ...fresh })) {
        req.idempotency = { owner, key, createdAt: fresh.created_at, finished: false };
        return;
      }
      const seen = await findIdempotencyKey(db, owner, key);
      if (!seen) continue; // released or swept meanwhile: claim again
      const expired = seen.expires_at <= fresh.created_at;
      const abandoned =
        seen.state === 'in_flight' && Date.parse(seen.created_at) + ABANDONED_AFTER_MS <= now.getTime();
      if (expired || abandoned) {
        if (await takeOverIdempotencyKey(db, seen, fresh)) {
          req.idempotency = { owner, key, createdAt: fresh.created_at, finished: false };
          return;
        }
        continue;
      }
      if (seen.state === 'in_flight' || seen.response_enc === null || seen.response_status === null) {
        throw new ApiError('IDEMPOTENCY_KEY_IN_USE', undefined, { 'retry-after': '1' });
      }
      if (seen.request_hash !== fresh.request_hash) throw new ApiError('IDEMPOTENCY_KEY_REUSED');
      reply
        .code(seen.response_status)
        .header('idempotent-replayed', 'true')
        .type('application/json; charset=utf-8');
      return reply.send(box.open(seen.response_enc));
    }
    throw new ApiError('IDEMPOTENCY_KEY_IN_USE', undefined, { 'retry-after': '1' });
  }

  const store: onSendHookHandler = async (req, reply, payload) => {
    const claim = req.idempotency;
    if (!claim || claim.finished) return payload;
    claim.finished = true;
    // A server error or a rate limit may not happen again: give the key back so the retry runs.
    if (reply.statusCode >= 500 || reply.statusCode === 429 || typeof payload !== 'string') {
      await releaseIdempotencyKey(db, claim.owner, claim.key, claim.createdAt);
    } else {
      await completeIdempotencyKey(
        db,
        claim.owner,
        claim.key,
        claim.createdAt,
        reply.statusCode,
        box.seal(payload),
      );
    }
    return payload;
  };

  // The client went away before an answer was sent: nothing was stored, so the key is released.
  const abandon = async (req: FastifyRequest): Promise<void> => {
    const claim = req.idempotency;
    if (!claim || claim.finished) return;
    claim.finished = true;
    await releaseIdempotencyKey(db, claim.owner, claim.key, claim.createdAt);
  };

  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (!methods.includes('POST') || !IDEMPOTENT_ROUTES.has(route.url)) return;
    route.preHandler = [begin, ...[route.preHandler ?? []].flat()];
    route.onSend = [store, ...[route.onSend ?? []].flat()];
    route.onResponse = [abandon, ...[route.onResponse ?? []].flat()];
  });
}
