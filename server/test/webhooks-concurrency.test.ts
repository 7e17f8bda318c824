import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../src/db/index.js';
import { createDispatcher, type DispatcherDeps, runDispatcherOnce } from '../src/webhooks/dispatcher.js';
import { enqueueWebhookEvent } from '../src/webhooks/outbox.js';
import { createTransport, type Transport } from '../src/webhooks/transport.js';
import { createTestApp, onPostgres, type TestApp } from './helpers/app.js';
import { createDevSession, type Receiver, startReceiver } from './helpers/webhooks.js';

/** A transport that counts what it sent, to see both dispatchers take part. */
function counting(): Transport & { sent: number } {
  const inner = createTransport({ timeoutMs: 5000, allowPrivate: true });
  const t = {
    sent: 0,
    post: async (...args: Parameters<Transport['post']>) => {
      t.sent += 1;
      return inner.post(...args);
    },
    close: () => inner.close(),
  };
  return t;
}

describe(`two dispatchers on one outbox (${onPostgres() ? 'PostgreSQL, FOR UPDATE SKIP LOCKED' : 'SQLite, UPDATE … RETURNING'})`, () => {
  let t: TestApp;
  let second: DbHandle;
  let deps2: DispatcherDeps;
  let receiver: Receiver;
  let developerId: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: false });
    second = t.database.connect();
    deps2 = { ...t.deps, db: second.db };
    receiver = await startReceiver();
    ({ developerId } = await createDevSession(t.deps.db, t.clock));
  });
  afterAll(async () => {
    await receiver.close();
    await second.close();
    await t.close();
  });

  async function enqueue(n: number): Promise<Set<string>> {
    const ids = new Set<string>();
    for (let i = 0; i < n; i += 50) {
      await t.deps.db.transaction().execute(async (trx) => {
        for (let j = i; j < Math.min(n, i + 50); j++) {
          ids.add(
            await enqueueWebhookEvent(trx, t.clock, {
              developerId,
              environment: 'sandbox',
              type: 'TRANSACTIONS.SYNC_UPDATES_AVAILABLE',
              fields: { account_id: `acc_${j}`, bank_id: 'raiffeisen' },
            }),
          );
        }
      });
    }
    return ids;
  }

  const countBy = (xs: string[]) =>
    xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());

  it('background loops on two handles deliver 200 deliveries exactly once each', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/developers/webhooks',
      headers: (await createDevSession(t.deps.db, t.clock, { developerId })).headers,
      payload: { url: receiver.url },
    });
    expect(res.statusCode).toBe(201);
    receiver.received.length = 0;
    const ids = await enqueue(200);
    const ta = counting();
    const tb = counting();
    const a = createDispatcher(t.deps, { transport: ta, concurrency: 16, pollMs: 10 });
    const b = createDispatcher(deps2, { transport: tb, concurrency: 16, pollMs: 10 });
    a.start();
    b.start();
    try {
      await receiver.waitFor(200, 20_000);
      await new Promise((r) => setTimeout(r, 300)); // any duplicate would arrive in this window
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      ta.close();
      tb.close();
    }
    const got = receiver.received.map((r) => String(r.headers['opendinar-event-id']));
    expect(got).toHaveLength(200);
    expect(new Set(got)).toEqual(ids);
    expect([...countBy(got).values()].every((c) => c === 1)).toBe(true);
    expect(ta.sent + tb.sent).toBe(200);
    expect(ta.sent).toBeGreaterThan(0);
    expect(tb.sent).toBeGreaterThan(0);
    const rows = await t.deps.db.selectFrom('webhook_deliveries').select(['status', 'attempts']).execute();
    expect(rows.every((r) => r.status === 'succeeded' && Number(r.attempts) === 1)).toBe(true);
    const attempts = await t.deps.db.selectFrom('webhook_attempts').select('id').execute();
    expect(attempts).toHaveLength(200);
  });

  it('concurrent one-shot claims never hand the same row to both', async () => {
    receiver.received.length = 0;
    const ids = await enqueue(200);
    const runs: Promise<unknown>[] = [];
    for (let i = 0; i < 6; i++) {
      runs.push(runDispatcherOnce(t.deps, { limit: 40 }), runDispatcherOnce(deps2, { limit: 40 }));
    }
    const summaries = (await Promise.all(runs)) as { claimed: number }[];
    expect(summaries.reduce((s, x) => s + x.claimed, 0)).toBe(200);
    const got = receiver.received.map((r) => String(r.headers['opendinar-event-id']));
    expect(got).toHaveLength(200);
    expect(new Set(got)).toEqual(ids);
  });
});
