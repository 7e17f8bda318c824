import pg from 'pg';
import type { Db } from '../db/index.js';
import { poolOf } from '../db/index.js';

/** What auth needs of an API key (the row as findKeyByHash selects it). */
export interface CachedKeyRow {
  id: string;
  developer_id: string;
  environment: 'sandbox' | 'live';
  scopes: string;
  status: 'active' | 'revoked';
}

interface Entry {
  row: CachedKeyRow;
  /** The invalidation counter when the lookup that filled this entry started. */
  version: number;
  expiresAt: number;
}

export const KEY_CHANNEL = 'opendinar_api_keys';
/** A safety net only (notifications do the real work): no entry outlives this. */
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 10_000;

/**
 * PostgreSQL API-key lookup cache, one per process and database (every app on the same database in
 * this process shares it, as they share the database). Correctness rules:
 * - every change to a key row sends NOTIFY opendinar_api_keys <key id> at commit (migration 0014);
 *   the listener drops every cached hash of that key and records the invalidation's version;
 * - a lookup that was in flight when its key was invalidated is used for that one request but not
 *   stored (its row may predate the change);
 * - every hit checks its entry's version against the key's last invalidation, and its age;
 * - while the LISTEN connection is down (start-up, a network blip) the cache is bypassed and emptied:
 *   a notification missed then would otherwise leave a revoked key working;
 * - a change made through this process is dropped here at once (`invalidate`), before its answer.
 */
export class KeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly hashesOf = new Map<string, Set<string>>();
  private readonly invalidatedAt = new Map<string, number>();
  private version = 0;
  private listening = false;
  private client: pg.Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  hits = 0;
  misses = 0;

  constructor(private readonly connection: pg.ClientConfig) {}

  get active(): boolean {
    return this.listening;
  }

  /** The key for this hash: from the cache when it is valid, else from `load` (and cached). */
  async lookup(
    hash: string,
    load: () => Promise<CachedKeyRow | undefined>,
  ): Promise<CachedKeyRow | undefined> {
    if (this.listening) {
      const e = this.entries.get(hash);
      if (e && e.version >= (this.invalidatedAt.get(e.row.id) ?? -1) && e.expiresAt > performance.now()) {
        this.hits += 1;
        return e.row;
      }
      if (e) this.drop(hash, e.row.id);
    }
    this.misses += 1;
    const startedAt = this.version;
    const wasListening = this.listening;
    const row = await load();
    // Stored only if nothing about this key (or the listener) changed while we were reading.
    if (
      row &&
      wasListening &&
      this.listening &&
      (this.invalidatedAt.get(row.id) ?? -1) <= startedAt &&
      this.entries.size < MAX_ENTRIES
    ) {
      this.entries.set(hash, { row, version: startedAt, expiresAt: performance.now() + MAX_AGE_MS });
      let hashes = this.hashesOf.get(row.id);
      if (!hashes) {
        hashes = new Set();
        this.hashesOf.set(row.id, hashes);
      }
      hashes.add(hash);
    }
    return row;
  }

  /** Drops every cached lookup of this key (a notification, or a change made in this process). */
  invalidate(keyId: string): void {
    this.version += 1;
    this.invalidatedAt.set(keyId, this.version);
    for (const hash of this.hashesOf.get(keyId) ?? []) this.entries.delete(hash);
    this.hashesOf.delete(keyId);
    // Bounded: old invalidation marks only matter for lookups in flight.
    if (this.invalidatedAt.size > MAX_ENTRIES) this.invalidatedAt.clear();
  }

  private drop(hash: string, keyId: string): void {
    this.entries.delete(hash);
    this.hashesOf.get(keyId)?.delete(hash);
  }

  private clear(): void {
    this.version += 1;
    this.entries.clear();
    this.hashesOf.clear();
    this.invalidatedAt.clear();
  }

  /** Connects the listener (and reconnects it whenever it drops) until `close`. */
  async start(): Promise<void> {
    if (this.closed || this.client) return;
    const client = new pg.Client(this.connection);
    this.client = client;
    const lost = () => {
      if (this.client !== client) return;
      this.listening = false;
      this.clear();
      this.client = null;
      client.end().catch(() => {});
      if (!this.closed) this.retry = setTimeout(() => void this.start(), 500);
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (msg) => {
      if (msg.channel === KEY_CHANNEL && msg.payload) this.invalidate(msg.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${KEY_CHANNEL}`);
      if (this.client !== client) return;
      // Anything may have changed while we were not listening.
      this.clear();
      this.listening = true;
    } catch {
      lost();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.clear();
    await client?.end().catch(() => {});
  }
}

const shared = new Map<string, { cache: KeyCache; users: number }>();

/** The process's cache for the database behind `db` (PostgreSQL only; undefined on SQLite). */
export function acquireKeyCache(db: Db): { cache: KeyCache; release: () => Promise<void> } | undefined {
  const pool = poolOf(db);
  if (!pool) return undefined;
  const { connectionString, options, host, port, user, database, password } = pool.options;
  const config: pg.ClientConfig = { connectionString, options, host, port, user, database, password };
  const id = JSON.stringify({ connectionString, options, host, port, user, database });
  let s = shared.get(id);
  if (!s) {
    s = { cache: new KeyCache(config), users: 0 };
    shared.set(id, s);
  }
  s.users += 1;
  const entry = s;
  void entry.cache.start();
  let released = false;
  return {
    cache: entry.cache,
    release: async () => {
      if (released) return;
      released = true;
      entry.users -= 1;
      if (entry.users === 0) {
        shared.delete(id);
        await entry.cache.close();
      }
    },
  };
}
