// Webhook dispatcher throughput: N events queued on an embedded SQLite database, delivered to a
// local keep-alive receiver by one dispatcher (the loop each server process runs).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../server/src/clock.js';
import { loadConfig } from '../server/src/config.js';
import { createDb } from '../server/src/db/index.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { newId, newToken } from '../server/src/ids.js';
import { createSecretBox } from '../server/src/secrets.js';
import { createDispatcher } from '../server/src/webhooks/dispatcher.js';
import { enqueueWebhookEvent } from '../server/src/webhooks/outbox.js';

export async function benchWebhookDeliveries(n = 2000): Promise<{ deliveriesPerSecond: number; n: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'opendinar-bench-webhooks-'));
  const handle = createDb({ kind: 'sqlite', path: join(dir, 'bench.db') });
  let received = 0;
  const receiver = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  receiver.keepAliveTimeout = 30_000;
  try {
    await migrateToLatest(handle.db);
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const config = {
      ...loadConfig({ OPENDINAR_WEBHOOK_ALLOW_PRIVATE: 'true', OPENDINAR_DATA_DIR: dir }),
      dispatcherEnabled: false,
    };
    const box = createSecretBox(randomBytes(32));
    const deps = { db: handle.db, dialect: handle.dialect, clock: systemClock, config, box };
    const developerId = newId('dev');
    const now = systemClock.now().toISOString();
    await handle.db
      .insertInto('webhooks')
      .values({
        id: newId('wh'),
        developer_id: developerId,
        url,
        events: '[]',
        secret_enc: box.seal(newToken('whsec')),
        created_at: now,
        deleted_at: null,
      })
      .execute();
    for (let i = 0; i < n; i += 500) {
      await handle.db.transaction().execute(async (trx) => {
        for (let j = i; j < Math.min(n, i + 500); j++) {
          await enqueueWebhookEvent(trx, systemClock, {
            developerId,
            environment: 'sandbox',
            type: 'TRANSACTIONS.SYNC_UPDATES_AVAILABLE',
            fields: { account_id: `acc_${j}`, bank_id: 'raiffeisen' },
          });
        }
      });
    }

    const dispatcher = createDispatcher(deps, { concurrency: 64, pollMs: 5 });
    const started = performance.now();
    dispatcher.start();
    while (received < n) await new Promise((r) => setTimeout(r, 2));
    // Count only what is recorded as delivered, not just sent.
    for (;;) {
      const left = await handle.db
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', '!=', 'succeeded')
        .limit(1)
        .execute();
      if (left.length === 0) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    const seconds = (performance.now() - started) / 1000;
    await dispatcher.stop();
    if (received !== n) throw new Error(`receiver got ${received} of ${n}`);
    return { deliveriesPerSecond: Math.round(n / seconds), n };
  } finally {
    receiver.closeAllConnections();
    await new Promise<void>((r) => receiver.close(() => r()));
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx bench/webhooks.ts` runs it alone.
if (process.argv[1]?.endsWith('webhooks.ts')) {
  benchWebhookDeliveries().then((r) => console.log(JSON.stringify(r)));
}
