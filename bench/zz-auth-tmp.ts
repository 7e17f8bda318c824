import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load, median, spawnServer } from './lib.js';
const dir = mkdtempSync(join(tmpdir(), 'auth-ab-'));
const env = { DATABASE_URL: `file:${join(dir, 'b.db')}`, OPENDINAR_DATA_DIR: dir, OPENDINAR_DISPATCHER: 'false', OPENDINAR_RATE_LIMIT_KEY_PER_MINUTE: '1000000000' };
const PAGE = '/accounts/acc_rai_001/transactions?limit=50';
const h = { authorization: 'Bearer od_test_sk_9x2mABC123sandbox' };
const variants: Array<[string, Record<string, string>]> = [
  ['off', { OPENDINAR_RATE_LIMITS: 'false' }],
  ['memory', { OPENDINAR_RATE_LIMIT_STORE: 'memory' }],
  ['database', { OPENDINAR_RATE_LIMIT_STORE: 'database' }],
];
const res: Record<string, number[]> = {};
for (const i of [2, 0, 1, 1, 0, 2, 2, 0, 1]) {
  const [label, e] = variants[i]!;
  const srv = await spawnServer(['server/dist/main.js'], { ...env, ...e });
  await load(srv.url + PAGE, h, 50, 1);
  const r = await load(srv.url + PAGE, h, 50, 5);
  (res[label] ??= []).push(r.requestsPerSec);
  await srv.stop();
}
for (const [k, v] of Object.entries(res)) console.log(k, Math.round(median(v)), v.map(Math.round).join(' '));
