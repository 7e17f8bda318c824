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

/** What auth needs of a developer session (dashboard and /developers routes). */
export interface CachedSessionRow {
  id: string;
  developer_id: string;
  expires_at: string;
  revoked_at: string | null;
}

interface Entry {
  value: unknown;
  /** The ids whose invalidation drops this entry (a key, an account, a session, a developer). */
  tags: readonly string[];
  /** Key-and-account entries: also stale after any commit through this process. */
  local: boolean;
  /** The invalidation counter when the lookup that filled this entry started. */
  version: number;
  expiresAt: number;
}

export const KEY_CHANNEL = 'opendinar_api_keys';
/** A safety net only (notifications do the real work): no entry outlives this. */
const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 10_000;
/** Session entries' cache keys: \u0000 never occurs in a hex hash, so they never meet a key's. */
const SESSION = 'session\u0000';

/**
 * PostgreSQL API-key and developer-session lookup cache, one per process and database (every app on
 * the same database in this process shares it, as they share the database). Correctness rules:
 * - every change to a key row sends NOTIFY opendinar_api_keys <key id> at commit (migration 0014),
 *   every change to a developer session (a logout, a password change, a deletion) the session's id
 *   (migration 0022); the listener drops every cached lookup tagged with that id and records the
 *   invalidation's version;
 * - a lookup that was in flight when one of its ids was invalidated is used for that one request
 *   but not stored (its row may predate the change);
 * - every hit checks its entry's version against its ids' last invalidation, and its age;
 * - while the LISTEN connection is down (start-up, a network blip) the cache is bypassed and emptied:
 *   a notification missed then would otherwise leave a revoked key or session working;
 * - a change made through this process is dropped here at once (`invalidate`: a key's id, a
 *   session's, or a developer's for all of their sessions) after its commit and before its answer.
 * Account routes cache the key and the account named in the path together (one lookup, keyed by
 * hash and account id), dropped on either's notification: every change to an account row sends
 * NOTIFY with the account id (migration 0017), and every commit made through this process drops
 * every cached account at once (db/pg-named.ts `onLocalWrite`), so a process reads its own writes
 * (a change sequence the page cache keys on, a balance) without waiting for its notification.
 * Ids never collide: keys, accounts, sessions and developers have different prefixes.
 */
export class KeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly entriesOf = new Map<string, Set<string>>();
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
  lookup(hash: string, load: () => Promise<CachedKeyRow | undefined>): Promise<CachedKeyRow | undefined> {
    return this.cached(hash, false, load, (row) => [row.id, row.developer_id]);
  }

  /**
   * The key for this hash with the account `accountId` if the key owns it: from the cache when the
   * entry is valid (neither the key nor the account changed since, nor any local commit), else
   * from `load` (and cached, under the same rules as `lookup`).
   */
  lookupWithAccount(
    hash: string,
    accountId: string,
    load: () => Promise<CachedKeyWithAccount | undefined>,
  ): Promise<CachedKeyWithAccount | undefined> {
    // \u0000 separates: neither a hex hash nor an account id (NUL is refused at the edge) has one.
    return this.cached(`${hash}\u0000${accountId}`, true, load, (found) => [
      found.key.id,
      found.key.developer_id,
      accountId,
    ]);
  }

  /**
   * The developer session whose token has this hash: cached like a key, dropped when the session
   * changes (its notification) or when this process ends it or any session of its developer.
   * Expiry is the caller's check, made on every request against its clock.
   */
  lookupSession(
    hash: string,
    load: () => Promise<CachedSessionRow | undefined>,
  ): Promise<CachedSessionRow | undefined> {
    return this.cached(SESSION + hash, false, load, (row) => [row.id, row.developer_id]);
  }

  private fresh(e: Entry): boolean {
    if (e.local && e.version < this.accountsInvalidatedAt) return false;
    for (const id of e.tags) if (e.version < (this.invalidatedAt.get(id) ?? -1)) return false;
    return e.expiresAt > performance.now();
  }

  private async cached<T>(
    entryKey: string,
    local: boolean,
    load: () => Promise<T | undefined>,
    tagsOf: (value: T) => readonly string[],
  ): Promise<T | undefined> {
    if (this.listening) {
      const e = this.entries.get(entryKey);
      if (e) {
        if (this.fresh(e)) {
          this.hits += 1;
          return e.value as T;
        }
        this.drop(entryKey, e);
      }
    }
    this.misses += 1;
    const startedAt = this.version;
    const wasListening = this.listening;
    const value = await load();
    if (value === undefined || !wasListening || !this.listening || this.entries.size >= MAX_ENTRIES)
      return value;
    // Stored only if nothing about its ids (or the listener) changed while we were reading.
    const entry: Entry = {
      value,
      tags: tagsOf(value),
      local,
      version: startedAt,
      expiresAt: performance.now() + MAX_AGE_MS,
    };
    if (!this.fresh(entry)) return value;
    this.entries.set(entryKey, entry);
    for (const id of entry.tags) {
      let keys = this.entriesOf.get(id);
      if (!keys) {
        keys = new Set();
        this.entriesOf.set(id, keys);
      }
      keys.add(entryKey);
    }
    return value;
  }

  /** A commit through this process: every cached account may be older than what it wrote. */
  invalidateAccounts(): void {
    this.version += 1;
    this.accountsInvalidatedAt = this.version;
  }

  /**
   * Drops every cached lookup tagged with this id — a key, an account, a session or a developer
   * (a notification, or a change made in this process).
   */
  invalidate(id: string): void {
    this.version += 1;
    this.invalidatedAt.set(id, this.version);
    for (const entryKey of this.entriesOf.get(id) ?? []) this.entries.delete(entryKey);
    this.entriesOf.delete(id);
    // Bounded: old invalidation marks only matter for lookups in flight.
    if (this.invalidatedAt.size > MAX_ENTRIES) this.invalidatedAt.clear();
  }

  private drop(entryKey: string, e: Entry): void {
    this.entries.delete(entryKey);
    for (const id of e.tags) this.entriesOf.get(id)?.delete(entryKey);
  }

  private clear(): void {
    this.version += 1;
    this.accountsInvalidatedAt = this.version;
    this.entries.clear();
    this.entriesOf.clear();
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
