import { LRUCache } from 'lru-cache';
import type { AccountRow } from '../accounts/store.js';
import type { ListFilter } from './store.js';

/**
 * Serialised list-mode pages, keyed by the account's change sequence. Every write to an account's
 * transactions (add, remove, modify) bumps `accounts.change_seq` in the same database transaction,
 * and every request reads the account row fresh (with the API key, in one query), so a page cached
 * under an older sequence can never be served once a change has committed — on this process or any
 * other. `created_at` guards against an account deleted and re-created under the same id.
 * A hit skips the page query, the count and serialisation: apps poll the same first page often.
 */
export class TransactionPageCache {
  private readonly lru: LRUCache<string, string> | null;

  constructor(maxBytes: number) {
    this.lru =
      maxBytes > 0
        ? new LRUCache<string, string>({
            maxSize: maxBytes,
            // UTF-16 code units: close enough to bytes for a bound (the JSON is mostly ASCII).
            sizeCalculation: (body, key) => body.length + key.length,
          })
        : null;
  }

  private keyFor(account: AccountRow, f: ListFilter): string {
    // \u0000 cannot occur in any part (query values with NUL are refused before routing).
    return [
      account.id,
      account.created_at,
      account.change_seq,
      f.from,
      f.to,
      f.category,
      f.limit,
      f.offset,
    ].join('\u0000');
  }

  get(account: AccountRow, f: ListFilter): string | undefined {
    return this.lru?.get(this.keyFor(account, f));
  }

  set(account: AccountRow, f: ListFilter, body: string): void {
    this.lru?.set(this.keyFor(account, f), body);
  }
}
