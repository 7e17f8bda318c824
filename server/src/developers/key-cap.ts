import type { Executor } from '../db/index.js';

/** How many active API keys a developer has (key creation is capped; see /docs#rate-limits). */
export async function countActiveKeys(db: Executor, developerId: string): Promise<number> {
  const row = await db
    .selectFrom('api_keys')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('developer_id', '=', developerId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
