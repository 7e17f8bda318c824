import type { AppDeps } from '../http/principals.js';
import type { AccountRow } from '../accounts/store.js';
import { ApiError } from '../errors.js';

export interface SyncPage {
  sync_status: string;
  added: ReturnType<typeof import('./store.js').toTransactionJson>[];
  modified: ReturnType<typeof import('./store.js').toTransactionJson>[];
  removed: { id: string }[];
  next_cursor: string;
  has_more: boolean;
}

/** Sync mode of GET /accounts/:id/transactions. PLACEHOLDER: the sync-engine work replaces this. */
export async function syncTransactions(
  _deps: AppDeps,
  _account: AccountRow,
  _req: { cursor: string; limit: number },
): Promise<SyncPage> {
  throw new ApiError('INVALID_CURSOR');
}
