import type { Executor } from '../db/index.js';

/** The key's registered redirect URLs (live keys' POST /connect redirect_url must match one). */
export async function findKeyRedirectUrls(db: Executor, apiKeyId: string): Promise<string[]> {
  const row = await db
    .selectFrom('api_keys')
    .select('redirect_urls')
    .where('id', '=', apiKeyId)
    .executeTakeFirst();
  return row ? (JSON.parse(row.redirect_urls) as string[]) : [];
}

/** Replaces the developer's key's redirect URLs; false when the key is not theirs. */
export async function setKeyRedirectUrls(
  db: Executor,
  developerId: string,
  keyId: string,
  urls: readonly string[],
): Promise<boolean> {
  const res = await db
    .updateTable('api_keys')
    .set({ redirect_urls: JSON.stringify(urls) })
    .where('id', '=', keyId)
    .where('developer_id', '=', developerId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
