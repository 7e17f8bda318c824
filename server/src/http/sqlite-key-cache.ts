import type { Executor } from '../db/index.js';
import { dataVersionOf } from '../db/sqlite-reader.js';
import type { CachedKeyRow, CachedKeyWithAccount, CachedSessionRow } from './key-cache.js';

const MAX_ENTRIES = 10_000;

/**
 * The embedded database's API-key (and key + account) and developer-session lookups, cached in this process and valid
 * only while nothing has been committed to the SQLite file since they were read: every hit checks
 * `PRAGMA data_version` on the read-only connection, which changes on any commit by any other
 * connection — this process's writer or another process on the same file. A revoked key, a deleted
 * account or a new change sequence (which the page cache keys on) is therefore never served from
 * here once committed, and there is nothing to notify. The version is read before the lookup, so
 * an entry is never labelled newer than what it holds. Rolled-out secrets are not cached (auth.ts).
 * Costs a pragma — a read transaction of its own, ~5 µs (better-sqlite3 alone, session 9) — where the
 * lookup is a join (~20 µs); any write — usage batches, a sync — empties it in effect, so it only
 * pays on runs of reads.
 */
export class SqliteKeyCache {
  private readonly entries = new Map<string, { version: number; value: unknown }>();
  hits = 0;
  misses = 0;

  constructor(private readonly version: () => number) {}

  /**
   * The entry for this key if nothing was committed since it was read, else undefined — without a
   * promise, so a hit can be answered in the same synchronous step (http/auth.ts). The version is
   * read now, on every call: never remembered from an earlier request.
   */
  peek<T>(key: string): T | undefined {
    const e = this.entries.get(key);
    if (e === undefined || e.version !== this.version()) return undefined;
    this.hits += 1;
    return e.value as T;
  }

  private async cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const v = this.version();
    const e = this.entries.get(key);
    if (e !== undefined && e.version === v) {
      this.hits += 1;
      return e.value as T;
    }
    this.misses += 1;
    const value = await load();
    if (value !== undefined) {
      // Stale entries are never hit again; drop them all when the map is full.
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { version: v, value });
    }
    return value;
  }

  lookup(hash: string, load: () => Promise<CachedKeyRow | undefined>): Promise<CachedKeyRow | undefined> {
    return this.cached(hash, load);
  }

  lookupWithAccount(
    hash: string,
    accountId: string,
    load: () => Promise<CachedKeyWithAccount | undefined>,
  ): Promise<CachedKeyWithAccount | undefined> {
    return this.cached(withAccountKey(hash, accountId), load);
  }

  /** A developer session by its token's hash (a logout or password change is a commit: never served after). */
  lookupSession(
    hash: string,
    load: () => Promise<CachedSessionRow | undefined>,
  ): Promise<CachedSessionRow | undefined> {
    // \u0000 never occurs in a hex hash: a session's entry never meets a key's.
    return this.cached(`session\u0000${hash}`, load);
  }
}

/** The cache key of a key + account lookup: \u0000 separates, as neither a hex hash nor an account id (NUL is refused at the edge) has one. */
export const withAccountKey = (hash: string, accountId: string): string => `${hash}\u0000${accountId}`;

/** The cache for this database when it is an SQLite file with a read-only connection, else null. */
export function sqliteKeyCacheFor(db: Executor): SqliteKeyCache | null {
  const version = dataVersionOf(db);
  return version ? new SqliteKeyCache(version) : null;
}
