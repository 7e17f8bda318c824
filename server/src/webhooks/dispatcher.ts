import type { AppDeps } from '../http/principals.js';
import { dispatcherAttempts } from '../ops/metrics.js';
import { type BackoffPolicy, DEFAULT_BACKOFF, nextAttemptAt } from './backoff.js';
import { signatureHeaderFor } from './signing.js';
import {
  type AttemptOutcome,
  type Claim,
  type ClaimedDelivery,
  cancelClaimed,
  claimDue,
  loadClaimed,
  recordAttempts,
} from './store.js';
import { createTransport, type PostResult, type Transport } from './transport.js';

/** Whole-exchange limit per delivery attempt (connect, send, first byte of the answer). */
export const DEFAULT_TIMEOUT_MS = 10_000;

export type DispatcherDeps = Pick<AppDeps, 'db' | 'dialect' | 'clock' | 'config' | 'box'>;

export interface DispatcherOptions {
  /** Whole-exchange timeout per delivery; default config.webhookTimeoutMs or 10 s. */
  timeoutMs?: number;
  /** How long a claim is ours; must exceed the timeout so a live attempt is never taken over. */
  leaseMs?: number;
  /** Deliveries in flight at once (per process). */
  concurrency?: number;
  pollMs?: number;
  backoff?: Partial<BackoffPolicy>;
  /** Jitter source, [0, 1); tests pin it. */
  random?: () => number;
  transport?: Transport;
  log?: (msg: string, err?: unknown) => void;
}

export interface RunSummary {
  claimed: number;
  succeeded: number;
  retrying: number;
  failed: number;
}

interface Resolved {
  timeoutMs: number;
  leaseMs: number;
  concurrency: number;
  pollMs: number;
  backoff: BackoffPolicy;
  random: () => number;
  log: (msg: string, err?: unknown) => void;
}

function resolve(deps: DispatcherDeps, o: DispatcherOptions): Resolved {
  const timeoutMs = o.timeoutMs ?? deps.config.webhookTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    timeoutMs,
    leaseMs: o.leaseMs ?? 2 * timeoutMs + 5_000,
    concurrency: o.concurrency ?? 64,
    pollMs: o.pollMs ?? deps.config.webhookPollMs ?? 1000,
    backoff: {
      ...DEFAULT_BACKOFF,
      ...(deps.config.webhookRetryBaseMs ? { baseMs: deps.config.webhookRetryBaseMs } : {}),
      ...o.backoff,
    },
    random: o.random ?? Math.random,
    log: o.log ?? (() => {}),
  };
}

/**
 * The bytes we POST: the stored payload text with event_id and environment appended. Splicing the
 * stored text (rather than parse + stringify) keeps what the producer wrote byte for byte.
 */
export function deliveryBody(payload: string, eventId: string, environment: string): Buffer {
  const text = payload.trim();
  if (!text.startsWith('{') || !text.endsWith('}'))
    throw new Error('stored webhook payload is not a JSON object');
  const inner = text.slice(1, -1);
  const extra = `"event_id":${JSON.stringify(eventId)},"environment":${JSON.stringify(environment)}`;
  return Buffer.from(`{${inner}${inner.trim() === '' ? '' : ','}${extra}}`, 'utf8');
}

/** Runs tasks with at most `limit` in flight. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

type Outcome = 'succeeded' | 'retrying' | 'failed' | 'lost';

/**
 * Group commit: results that finish close together are written in one transaction, which is what
 * keeps an embedded database from becoming the bottleneck at hundreds of deliveries a second.
 */
interface Recorder {
  record(o: AttemptOutcome): Promise<boolean>;
}

function createRecorder(deps: DispatcherDeps): Recorder {
  let queue: { o: AttemptOutcome; resolve: (ok: boolean) => void; reject: (err: unknown) => void }[] = [];
  let busy = false;
  async function flush(): Promise<void> {
    busy = true;
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        const results = await recordAttempts(
          deps.db,
          batch.map((b) => b.o),
        );
        for (const [i, b] of batch.entries()) b.resolve(results[i] === true);
      } catch (err) {
        for (const b of batch) b.reject(err);
      }
    }
    busy = false;
  }
  return {
    record(o) {
      return new Promise((resolve, reject) => {
        queue.push({ o, resolve, reject });
        if (!busy) {
          busy = true;
          setImmediate(() => void flush());
        }
      });
    },
  };
}

/** Opening a sealed secret per delivery is wasted work when one webhook gets thousands. */
function createSecretCache(deps: DispatcherDeps): (sealed: string) => string {
  const cache = new Map<string, string>();
  return (sealed) => {
    let secret = cache.get(sealed);
    if (secret === undefined) {
      if (cache.size >= 1000) cache.clear();
      secret = deps.box.open(sealed);
      cache.set(sealed, secret);
    }
    return secret;
  };
}

interface Workers {
  transport: Transport;
  recorder: Recorder;
  secretOf: (sealed: string) => string;
}

async function deliverOne(
  deps: DispatcherDeps,
  r: Resolved,
  w: Workers,
  claim: Claim,
  row: ClaimedDelivery | undefined,
): Promise<Outcome> {
  if (!row) return 'lost';
  if (row.webhook_deleted || row.webhook_disabled) {
    const reason = row.webhook_deleted ? 'webhook deleted' : 'webhook disabled';
    await cancelClaimed(deps.db, claim.id, claim.lease, reason);
    return 'failed';
  }
  const startedAt = deps.clock.now();
  let result: PostResult;
  try {
    const body = deliveryBody(row.payload, row.event_id, row.environment);
    // During a rotation's grace period: the new secret's v1 first, the old one's last.
    const secrets = [w.secretOf(row.secret_enc)];
    if (
      row.previous_secret_enc !== null &&
      row.previous_secret_expires_at !== null &&
      Date.parse(row.previous_secret_expires_at) > startedAt.getTime()
    ) {
      secrets.push(w.secretOf(row.previous_secret_enc));
    }
    const t = Math.floor(startedAt.getTime() / 1000);
    result = await w.transport.post(row.url, body, {
      'content-type': 'application/json',
      'user-agent': 'OpenDinar-Webhooks/1.0',
      'opendinar-signature': signatureHeaderFor(secrets, t, body),
      'opendinar-event-id': row.event_id,
    });
  } catch (err) {
    // The developer sees last_error in the deliveries API: the details go to our log, not to them.
    r.log(`webhook delivery ${row.id} failed before sending`, err);
    result = { statusCode: null, error: 'internal error (not sent)', durationMs: 0, responseBody: null };
  }
  const ok = result.error === null;
  const failedAttempts = row.attempts + 1;
  const next = ok
    ? null
    : nextAttemptAt(r.backoff, new Date(row.created_at), deps.clock.now(), failedAttempts, r.random);
  const status = ok ? 'succeeded' : next ? 'pending' : 'failed';
  const recorded = await w.recorder.record({
    deliveryId: row.id,
    lease: claim.lease,
    attemptedAt: startedAt.toISOString(),
    statusCode: result.statusCode,
    error: result.error?.slice(0, 500) ?? null,
    durationMs: result.durationMs,
    responseBody: result.responseBody ?? null,
    status,
    nextAttemptAt: next?.toISOString() ?? null,
  });
  if (!recorded) return 'lost';
  return ok ? 'succeeded' : next ? 'retrying' : 'failed';
}

/** Leases up to `limit` due deliveries and loads what sending them needs. */
async function claim(
  deps: DispatcherDeps,
  r: Resolved,
  limit: number,
): Promise<{ claims: Claim[]; rows: Map<string, ClaimedDelivery> }> {
  const now = deps.clock.now();
  const leaseUntil = new Date(now.getTime() + r.leaseMs).toISOString();
  const claims = await claimDue(deps.db, deps.dialect, now.toISOString(), leaseUntil, limit);
  const rows = new Map(
    (
      await loadClaimed(
        deps.db,
        claims.map((c) => c.id),
      )
    ).map((row) => [row.id, row]),
  );
  return { claims, rows };
}

async function attempt(
  deps: DispatcherDeps,
  r: Resolved,
  w: Workers,
  c: Claim,
  row: ClaimedDelivery | undefined,
): Promise<Outcome> {
  let outcome: Outcome;
  try {
    outcome = await deliverOne(deps, r, w, c, row);
  } catch (err) {
    // A database error while recording: the lease runs out and the delivery is tried again.
    r.log('webhook delivery could not be recorded', err);
    outcome = 'lost';
  }
  dispatcherAttempts.inc({ outcome });
  return outcome;
}

/** Claims up to `limit` due deliveries and attempts each once. Tests drive the outbox with this. */
export async function runDispatcherOnce(
  deps: DispatcherDeps,
  options: DispatcherOptions & { limit?: number } = {},
): Promise<RunSummary> {
  const r = resolve(deps, options);
  const transport =
    options.transport ??
    createTransport({ timeoutMs: r.timeoutMs, allowPrivate: deps.config.webhookAllowPrivate });
  try {
    const { claims, rows } = await claim(deps, r, options.limit ?? 100);
    const summary: RunSummary = { claimed: claims.length, succeeded: 0, retrying: 0, failed: 0 };
    const w: Workers = { transport, recorder: createRecorder(deps), secretOf: createSecretCache(deps) };
    await pool(claims, r.concurrency, async (c) => {
      const outcome = await attempt(deps, r, w, c, rows.get(c.id));
      if (outcome !== 'lost') summary[outcome] += 1;
    });
    return summary;
  } finally {
    if (!options.transport) transport.close();
  }
}

export interface Dispatcher {
  start(): void;
  /** Stops claiming and waits for deliveries in flight. */
  stop(): Promise<void>;
  /** Look for work now instead of at the next poll (after enqueueing in this process). */
  wake(): void;
}

/**
 * The background loop each server process runs. Keeps up to `concurrency` deliveries in flight,
 * claiming more as slots free up; sleeps `pollMs` when nothing is due. All state is in the
 * database, so any process picks up what another left behind once its leases expire.
 */
export function createDispatcher(deps: DispatcherDeps, options: DispatcherOptions = {}): Dispatcher {
  const r = resolve(deps, options);
  const transport =
    options.transport ??
    createTransport({ timeoutMs: r.timeoutMs, allowPrivate: deps.config.webhookAllowPrivate });
  const w: Workers = { transport, recorder: createRecorder(deps), secretOf: createSecretCache(deps) };
  // Claim in batches rather than one row per finished delivery: fewer, larger claim queries.
  const minBatch = Math.max(1, Math.floor(r.concurrency / 4));
  let running = false;
  let loop: Promise<void> | null = null;
  const inFlight = new Set<Promise<unknown>>();
  let wakeUp: (() => void) | null = null;
  let woken = false;

  const wake = () => {
    if (wakeUp) {
      const w = wakeUp;
      wakeUp = null;
      w();
    } else {
      woken = true; // not sleeping yet: the next sleep returns at once
    }
  };
  const sleep = (ms: number) =>
    new Promise<void>((res) => {
      if (woken || !running) {
        woken = false;
        res();
        return;
      }
      const timer = setTimeout(() => {
        wakeUp = null;
        res();
      }, ms);
      wakeUp = () => {
        clearTimeout(timer);
        res();
      };
    });

  async function run(): Promise<void> {
    while (running) {
      const free = r.concurrency - inFlight.size;
      if (free < minBatch && inFlight.size > 0) {
        await sleep(r.pollMs); // a finishing delivery wakes us
        continue;
      }
      let claimed = 0;
      try {
        const { claims, rows } = await claim(deps, r, free);
        claimed = claims.length;
        for (const c of claims) {
          const p: Promise<unknown> = attempt(deps, r, w, c, rows.get(c.id)).finally(() => {
            inFlight.delete(p);
            wake();
          });
          inFlight.add(p);
        }
      } catch (err) {
        r.log('webhook dispatcher could not claim deliveries', err);
      }
      if (claimed < free) await sleep(r.pollMs);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wake();
      await loop;
      await Promise.allSettled([...inFlight]);
      if (!options.transport) transport.close();
    },
    wake,
  };
}
