import pg from 'pg';
import type { AccountRow } from '../accounts/store.js';
import type { Db } from '../db/index.js';
import { poolOf } from '../db/index.js';
import { onLocalWrite } from '../db/pg-named.js';

/** What auth needs of an API key (the row as findKeyByHash selects it). */
export interface CachedKeyRow {
  id: string;
  developer_id: string;
  environment: 'sandbox' | 'live';
  scopes: string;
  status: 'active' | 'revoked';
}

/** A key and, for account routes, the account named in the path if that key owns it (else null). */
export interface CachedKeyWithAccount {
  key: CachedKeyRow;
  account: AccountRow | null;
}

interface Entry {
  row: CachedKeyRow;
  /** Account routes: the account id asked for, and the row found (null: none this key owns). */
  accountId?: string;
  account?: AccountRow | null;
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
 * Account routes cache the key and the account named in the path together (one lookup, keyed by
 * hash and account id), dropped on either's notification: every change to an account row sends
 * NOTIFY with the account id (migration 0017), and every commit made through this process drops
 * every cached account at once (db/pg-named.ts `onLocalWrite`), so a process reads its own writes
 * (a change sequence the page cache keys on, a balance) without waiting for its notification.
 */
export class KeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly hashesOf = new Map<string, Set<string>>();
  private readonly invalidatedAt = new Map<string, number>();
  private version = 0;
  /** The version at this process's last commit: cached accounts older than it are stale. */
  private accountsInvalidatedAt = -1;
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

  /**
   * The key for this hash with the account `accountId` if the key owns it: from the cache when the
   * entry is valid (neither the key nor the account changed since, nor any local commit), else
   * from `load` (and cached, under the same rules as `lookup`).
   */
  async lookupWithAccount(
    hash: string,
    accountId: string,
    load: () => Promise<CachedKeyWithAccount | undefined>,
  ): Promise<CachedKeyWithAccount | undefined> {
    // \u0000 separates: neither a hex hash nor an account id (NUL is refused at the edge) has one.
    const entryKey = `${hash}\u0000${accountId}`;
    if (this.listening) {
      const e = this.entries.get(entryKey);
      if (e) {
        const v = e.version;
        if (
          v >= (this.invalidatedAt.get(e.row.id) ?? -1) &&
          v >= (this.invalidatedAt.get(accountId) ?? -1) &&
          v >= this.accountsInvalidatedAt &&
          e.expiresAt > performance.now()
        ) {
          this.hits += 1;
          return { key: e.row, account: e.account ?? null };
        }
        this.drop(entryKey, e.row.id, accountId);
      }
    }
    this.misses += 1;
    const startedAt = this.version;
    const wasListening = this.listening;
    const found = await load();
    if (
      found &&
      wasListening &&
      this.listening &&
      (this.invalidatedAt.get(found.key.id) ?? -1) <= startedAt &&
      (this.invalidatedAt.get(accountId) ?? -1) <= startedAt &&
      this.accountsInvalidatedAt <= startedAt &&
      this.entries.size < MAX_ENTRIES
    ) {
      this.entries.set(entryKey, {
        row: found.key,
        accountId,
        account: found.account,
        version: startedAt,
        expiresAt: performance.now() + MAX_AGE_MS,
      });
      this.tag(found.key.id, entryKey);
      this.tag(accountId, entryKey);
    }
    return found;
  }

  private tag(id: string, entryKey: string): void {
    let keys = this.hashesOf.get(id);
    if (!keys) {
      keys = new Set();
      this.hashesOf.set(id, keys);
    }
    keys.add(entryKey);
  }

  /** A commit through this process: every cached account may be older than what it wrote. */
  invalidateAccounts(): void {
    this.version += 1;
    this.accountsInvalidatedAt = this.version;
  }

  /**
   * Drops every cached lookup of this key, or of this account (a notification, or a change made in
   * this process); ids of keys and of accounts never collide (their prefixes differ).
   */
  invalidate(keyId: string): void {
    this.version += 1;
    this.invalidatedAt.set(keyId, this.version);
    for (const hash of this.hashesOf.get(keyId) ?? []) this.entries.delete(hash);
    this.hashesOf.delete(keyId);
    // Bounded: old invalidation marks only matter for lookups in flight.
    if (this.invalidatedAt.size > MAX_ENTRIES) this.invalidatedAt.clear();
  }

  private drop(entryKey: string, keyId: string, accountId?: string): void {
    this.entries.delete(entryKey);
    this.hashesOf.get(keyId)?.delete(entryKey);
    if (accountId !== undefined) this.hashesOf.get(accountId)?.delete(entryKey);
  }

  private clear(): void {
    this.version += 1;
    this.accountsInvalidatedAt = this.version;
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
  // Each app's own pool: its commits drop the cached accounts (apps may share one cache).
  const stopLocal = onLocalWrite(pool, () => entry.cache.invalidateAccounts());
  void entry.cache.start();
  let released = false;
  return {
    cache: entry.cache,
    release: async () => {
      if (released) return;
      released = true;
      stopLocal();
      entry.users -= 1;
      if (entry.users === 0) {
        shared.delete(id);
        await entry.cache.close();
      }
    },
  };
}
