import type { FastifyBaseLogger } from 'fastify';
import type { Db, Dialect } from '../db/index.js';
import type { RequestLogTable } from '../db/schema.js';
import type { Environment } from '../http/principals.js';
import { randomBase62 } from '../ids.js';
import { insertRequestLogRows } from './request-log-store.js';
import { insertUsageRows, keysByHash, touchKey, type UsageRow } from './store.js';

/** One request to record. Either the authenticated key, or only its hash (resolved at flush). */
export type UsageEvent = {
  method: string;
  endpoint: string;
  status: number;
  errorCode: string | null;
  requestId: string;
  at: Date;
  /** For the request log: raw path, latency, the key's visible prefix, the error body sent. */
  log?: { path: string; latencyMs: number; keyPrefix: string | null; errorBody: object | null };
} & (
  | { key: { apiKeyId: string; developerId: string; environment: Environment }; keyHash?: undefined }
  | { key?: undefined; keyHash: string }
);

export interface RecorderOptions {
  /** Flush when this many events are waiting… */
  batchSize: number;
  /** …or this often, whichever comes first. */
  intervalMs: number;
  /** Beyond this many waiting events (database down) the oldest are dropped, so memory stays bounded. */
  maxBuffered: number;
}

export const DEFAULT_RECORDER_OPTIONS: RecorderOptions = {
  batchSize: 500,
  intervalMs: 500,
  maxBuffered: 100_000,
};

let sequence = 0;
// Random per process, so two processes writing in the same millisecond never collide.
const PROCESS_TAG = randomBase62(8);
/** Sortable ids: time, then a per-process sequence (arrival order), then the process tag. */
function usageId(at: Date): string {
  sequence = (sequence + 1) % 36 ** 6;
  return `use_${at.getTime().toString(36).padStart(9, '0')}${sequence.toString(36).padStart(6, '0')}${PROCESS_TAG}`;
}

/**
 * Buffers usage events in memory and writes them in batches — one multi-row INSERT and one
 * last_used_at UPDATE per key per flush — off the request path. Flushes never overlap.
 */
export class UsageRecorder {
  private buffer: UsageEvent[] = [];
  private chain: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private flushQueued = false;

  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
    private readonly log: FastifyBaseLogger,
    private readonly options: RecorderOptions = DEFAULT_RECORDER_OPTIONS,
  ) {}

  /** Hot path: an array push; a full batch schedules a flush for after the current tick. */
  record(event: UsageEvent): void {
    this.buffer.push(event);
    if (this.buffer.length >= this.options.batchSize && !this.flushQueued) {
      this.flushQueued = true;
      setImmediate(() => void this.flush());
    }
  }

  get pending(): number {
    return this.buffer.length;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.buffer.length > 0) void this.flush();
    }, this.options.intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and writes whatever is waiting (graceful shutdown). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** Writes everything recorded so far; resolves when it is in the database (tests call this). */
  flush(): Promise<void> {
    this.flushQueued = false;
    this.chain = this.chain.then(() => this.writeAll());
    return this.chain;
  }

  private async writeAll(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.options.batchSize);
      try {
        await this.write(batch);
      } catch (err) {
        // Keep the batch for the next flush unless the buffer is already at its cap.
        const room = this.options.maxBuffered - this.buffer.length;
        if (room > 0) this.buffer.unshift(...batch.slice(Math.max(0, batch.length - room)));
        this.log.warn(
          { err, events: batch.length, buffered: this.buffer.length },
          'usage flush failed; will retry',
        );
        return;
      }
    }
  }

  private async write(batch: readonly UsageEvent[]): Promise<void> {
    const hashes = [...new Set(batch.flatMap((e) => (e.keyHash === undefined ? [] : [e.keyHash])))];
    const owners = await keysByHash(this.db, hashes);
    const rows: UsageRow[] = [];
    const logRows: RequestLogTable[] = [];
    const lastUsed = new Map<string, string>();
    for (const e of batch) {
      const owner = e.key
        ? { id: e.key.apiKeyId, developer_id: e.key.developerId, environment: e.key.environment }
        : owners.get(e.keyHash);
      if (!owner) continue; // a key that does not exist belongs to nobody
      const at = e.at.toISOString();
      const id = usageId(e.at);
      if (e.log) {
        logRows.push({
          id,
          developer_id: owner.developer_id,
          api_key_id: owner.id,
          key_prefix: e.log.keyPrefix,
          method: e.method,
          path: e.log.path,
          endpoint: e.endpoint,
          status: e.status,
          error_code: e.errorCode,
          error_body: e.log.errorBody ? JSON.stringify(e.log.errorBody) : null,
          latency_ms: Math.round(e.log.latencyMs * 100) / 100,
          request_id: e.requestId,
          at,
        });
      }
      rows.push({
        id,
        api_key_id: owner.id,
        developer_id: owner.developer_id,
        environment: owner.environment,
        method: e.method,
        endpoint: e.endpoint,
        status: e.status,
        error_code: e.errorCode,
        request_id: e.requestId,
        at,
      });
      // Only accepted keys were "used"; a refused (e.g. revoked) key keeps its last real use.
      if (e.key && (lastUsed.get(owner.id) ?? '') < at) lastUsed.set(owner.id, at);
    }
    if (rows.length === 0) return;
    await this.db.transaction().execute(async (trx) => {
      await insertUsageRows(trx, this.dialect, rows);
      if (logRows.length > 0) await insertRequestLogRows(trx, this.dialect, logRows);
      for (const [keyId, at] of lastUsed) await touchKey(trx, keyId, at);
    });
  }
}
