import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchProfile } from '../src/connections/import.js';
import { createConnectionWithData } from '../src/connections/materialize.js';
import {
  createSandboxConnector,
  profileFromRecipe,
  sandboxGrant,
} from '../src/connectors/sandbox/connector.js';
import { generateSandboxProfile } from '../src/connectors/sandbox/generate.js';
import type { ConnectorProfile } from '../src/connectors/types.js';
import { sqliteFileOf, targetOf } from '../src/db/index.js';
import { categorizeTransaction } from '../src/enrich/categorize.js';
import { sha256Hex } from '../src/ids.js';
import { categorizeOffThread, generateSandboxProfileOffThread } from '../src/offload/pool.js';
import {
  PG_WRITER_NICE,
  startWriter,
  storeExchangeOffThread,
  writerThreadExchanges,
} from '../src/offload/writer.js';
import {
  auth,
  createTestApp,
  createTestDatabase,
  DEMO_KEY,
  MANI_KEY,
  onPostgres,
  type TestApp,
} from './helpers/app.js';
import { startServerProcess } from './helpers/process.js';
import { listAll, syncAll } from './helpers/sync.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** The id and developer of the API key `secret`. */
const keyOf = (secret: string) =>
  t.deps.db
    .selectFrom('api_keys')
    .select(['id', 'developer_id'])
    .where('key_hash', '=', sha256Hex(secret))
    .executeTakeFirstOrThrow();

/**
 * One current account of 300 transactions whose row 290 repeats row 0's bank id: its primary key
 * clashes in the third insert chunk, after the first two were written.
 */
function clashingProfile(idPrefix: string, accountNumber: string): ConnectorProfile {
  const txns = Array.from({ length: 300 }, (_, i) => ({
    bankTxnId: `${idPrefix}-${i}`,
    date: '2026-05-01',
    amount: -100 - i,
    description: `Kupovina ${i}`,
    category: 'groceries' as const,
    pending: false,
  }));
  txns[290] = { ...txns[290], bankTxnId: `${idPrefix}-0` } as (typeof txns)[number];
  return {
    identity: null,
    accounts: [
      {
        ref: 'r1',
        name: 'Tekući',
        type: 'current',
        currency: 'RSD',
        accountNumber,
        openingBalance: 0,
        availableDelta: 0,
        transactions: txns,
      },
    ],
  };
}

describe('the worker-thread pool (offload/pool.ts)', () => {
  it('generates exactly the sandbox profile the main thread would', async () => {
    for (const [seed, bankId] of [
      ['sess_offload_1', 'raiffeisen'],
      ['sess_offload_2', 'erste'],
      ['sess_offload_3', 'aik'],
    ] as const) {
      const opts = { seed, bankId, today: '2026-11-30', withIdentity: true };
      const off = await generateSandboxProfileOffThread(opts);
      expect(isDeepStrictEqual(off, generateSandboxProfile(opts))).toBe(true);
      expect(off.accounts[0]?.transactions.length).toBeGreaterThan(100);
    }
  });

  it('categorises exactly as categorizeTransaction, in order', async () => {
    const items = generateSandboxProfile({
      seed: 'sess_offload_cat',
      bankId: 'raiffeisen',
      today: '2026-11-30',
      withIdentity: false,
    }).accounts.flatMap((a) => a.transactions.map(({ description, amount }) => ({ description, amount })));
    expect(items.length).toBeGreaterThan(64); // enough to go to a worker
    expect(await categorizeOffThread(items)).toEqual(items.map((i) => categorizeTransaction(i)));
  });
});

describe('the sandbox recipe (generated where it is stored)', () => {
  it('makes exactly the profile a first import reads through the connector’s calls', async () => {
    const connector = createSandboxConnector({ identityBanks: ['raiffeisen'], clock: t.clock });
    const today = t.clock.now().toISOString().slice(0, 10);
    for (const [seed, bankId, accounts] of [
      ['sess_recipe_1', 'raiffeisen', undefined],
      ['sess_recipe_2', 'erste', undefined],
      ['sess_recipe_3', 'aik', [{ type: 'savings', currency: 'EUR' } as const]],
    ] as const) {
      const grant = sandboxGrant({
        seed,
        bankId,
        withIdentity: bankId === 'raiffeisen',
        ...(accounts ? { accounts: [...accounts] } : {}),
      });
      const recipe = connector.profileRecipe?.(grant, today);
      expect(recipe).toBeDefined();
      const made = profileFromRecipe(recipe as NonNullable<typeof recipe>);
      const read = await fetchProfile(connector, grant, today);
      expect(isDeepStrictEqual(made, read)).toBe(true);
      // A year of history (a EUR savings account alone has a few rows a month).
      expect(made.accounts.flatMap((a) => a.transactions).length).toBeGreaterThan(accounts ? 12 : 100);
      expect(made.identity === null).toBe(bankId !== 'raiffeisen');
    }
  });
});

describe('a large custom import (categorised off the main thread, inserted in chunks)', () => {
  it('stores every row once with the categoriser’s category, and sync lists each once in order', async () => {
    // 300 rows: chunks of 256, 32, 8 and 4 — each statement a different size.
    // Quotes, a backslash, braces, commas and the word NULL: stored as sent (on PostgreSQL each
    // column goes as one array literal, transactions/store.ts).
    const descriptions = [
      'DIS market Vracar',
      'NETFLIX.COM',
      'Plata - mart 2026',
      'Wolt Beograd',
      'NIS Petrol',
      'Uplata "Kafić" \\ {a,b} NULL',
    ];
    const transactions = Array.from({ length: 300 }, (_, i) => ({
      date: `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`,
      amount: i % 7 === 0 ? 1000 + i : -(10 + i),
      description: `${descriptions[i % descriptions.length]} ${i}`,
    }));
    const res = await t.app.inject({
      method: 'POST',
      url: '/sandbox/connections',
      headers: auth(DEMO_KEY),
      payload: {
        bank_id: 'erste',
        user_id: 'user_offload',
        accounts: [{ name: 'Tekući', type: 'current', currency: 'RSD', transactions }],
      },
    });
    expect(res.statusCode).toBe(201);
    const accountId = (res.json() as { accounts: Array<{ id: string }> }).accounts[0]?.id as string;
    const listed = await listAll(t.app, accountId, DEMO_KEY);
    expect(listed).toHaveLength(300);
    const byDescription = new Map(listed.map((x) => [x.description, x]));
    for (const tx of transactions) {
      const row = byDescription.get(tx.description);
      expect(row?.category).toBe(
        categorizeTransaction({ description: tx.description, amount: Math.round(tx.amount * 100) }),
      );
      expect(row?.amount).toBe(tx.amount);
    }
    // The change log: one 'added' per row, none twice (its sequence numbers span the chunks).
    const { pages } = await syncAll(t.app, accountId, '', 100, DEMO_KEY);
    const added = pages.flatMap((p) => p.added.map((x) => x.id));
    expect(added).toHaveLength(300);
    expect([...added].sort()).toEqual(listed.map((x) => x.id).sort());
  });
});

describe('all-or-nothing', () => {
  it('a failure in a later insert chunk leaves no connection, account or transaction behind', async () => {
    const { db } = t.deps;
    const key = await keyOf(DEMO_KEY);
    const profile = clashingProfile('b', '340-0000000000001-11');
    await expect(
      db.transaction().execute((trx) =>
        createConnectionWithData(
          trx,
          {
            connectionId: 'conn_offload_half',
            apiKeyId: key.id,
            developerId: key.developer_id,
            environment: 'sandbox',
            bankId: 'erste',
            userId: 'user_half',
            connector: 'custom',
            grantEnc: null,
          },
          profile,
          t.clock.now().toISOString(),
        ),
      ),
    ).rejects.toThrow();
    const left = await db
      .selectFrom('connections')
      .select('id')
      .where('id', '=', 'conn_offload_half')
      .execute();
    expect(left).toEqual([]);
    const accounts = await db
      .selectFrom('accounts')
      .select('id')
      .where('connection_id', '=', 'conn_offload_half')
      .execute();
    expect(accounts).toEqual([]);
    const orphans = await db
      .selectFrom('transactions')
      .select('id')
      .where('description', '=', 'Kupovina 5')
      .execute();
    expect(orphans).toEqual([]);
  });
});

/** A sandbox session started and approved for the MANI key: its public token. */
async function authorizedToken(userId: string): Promise<string> {
  const s = await t.app.inject({
    method: 'POST',
    url: '/connect',
    headers: auth(MANI_KEY),
    payload: { bank_id: 'raiffeisen', user_id: userId, redirect_url: 'https://app.example.rs/' },
  });
  expect(s.statusCode).toBe(201);
  const a = await t.app.inject({
    method: 'POST',
    url: '/sandbox/authorize',
    payload: { session_token: s.json().session_token as string },
  });
  expect(a.statusCode).toBe(200);
  return a.json().public_token as string;
}

const exchange = (publicToken: string) =>
  t.app.inject({
    method: 'POST',
    url: '/connect/exchange',
    headers: auth(MANI_KEY),
    payload: { public_token: publicToken },
  });

describe(`the exchange on the writer thread (offload/writer.ts, ${onPostgres() ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('starts ahead of the first exchange (main.ts does at boot)', async () => {
    const target = targetOf(t.deps.db);
    expect(target?.kind).toBe(onPostgres() ? 'postgres' : 'sqlite');
    expect(await startWriter(target as NonNullable<typeof target>)).toBe(true);
  });

  // Linux keeps a nice value per thread (offload/priority.ts): this process's threads, read from /proc.
  it.runIf(process.platform === 'linux')(
    `runs ${onPostgres() ? 'below the event loop (nice 5) on PostgreSQL' : 'at the event loop’s priority on SQLite'}`,
    () => {
      const niceOf = (tid: string) =>
        Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1]?.split(' ')[16]);
      const nices = readdirSync('/proc/self/task').map(niceOf);
      expect(niceOf(String(process.pid))).toBe(0);
      if (onPostgres()) {
        // 5: below the event loop, but not so far that exchanges queue for seconds (session 10; was 10).
        expect(PG_WRITER_NICE).toBe(5);
        expect(nices).toContain(5);
      } else expect(nices.every((n) => n === 0)).toBe(true);
    },
  );

  it('stores a new connection there, once: the history is readable, the event queued, a replay refused', async () => {
    const before = writerThreadExchanges();
    const token = await authorizedToken('user_writer_thread');
    const first = await exchange(token);
    expect(first.statusCode).toBe(200);
    expect(writerThreadExchanges()).toBe(before + 1);
    const connectionId = first.json().connection_id as string;
    const accounts = (await t.app.inject({ method: 'GET', url: '/accounts', headers: auth(MANI_KEY) })).json()
      .accounts as Array<{ id: string; connection_id: string }>;
    const mine = accounts.filter((a) => a.connection_id === connectionId);
    expect(mine.length).toBeGreaterThan(0);
    let rows = 0;
    for (const account of mine) {
      const listed = await listAll(t.app, account.id, MANI_KEY);
      const { pages } = await syncAll(t.app, account.id, '', 100, MANI_KEY);
      expect(pages.flatMap((p) => p.added).length).toBe(listed.length);
      rows += listed.length;
    }
    expect(rows).toBeGreaterThan(100); // a year of sandbox history
    const events = await t.deps.db
      .selectFrom('webhook_events')
      .select('payload')
      .where('event_type', '=', 'AUTH.AUTOMATICALLY_VERIFIED')
      .execute();
    expect(events.filter((e) => e.payload.includes(connectionId))).toHaveLength(1);
    // A replay: 410, and nothing written twice.
    const again = await exchange(token);
    expect(again.statusCode).toBe(410);
    expect(again.json().error_code).toBe('PUBLIC_TOKEN_ALREADY_USED');
    expect(
      await t.deps.db
        .selectFrom('connections')
        .select('id')
        .where('user_id', '=', 'user_writer_thread')
        .execute(),
    ).toEqual([{ id: connectionId }]);
  });

  it('a failure late in the writer thread’s transaction rolls the claim back: the token still works', async () => {
    const token = await authorizedToken('user_writer_half');
    const apiKey = await keyOf(MANI_KEY);
    const target = targetOf(t.deps.db);
    expect(target).toBeDefined();
    const failing = storeExchangeOffThread(target as NonNullable<typeof target>, {
      tokenHash: sha256Hex(token),
      apiKeyId: apiKey.id,
      nowIso: t.clock.now().toISOString(),
      connectorId: 'sandbox',
      profile: clashingProfile('w', '265-0000000000001-11'),
    });
    expect(failing).toBeDefined();
    // SQLite's or PostgreSQL's (23505) primary-key clash in the third insert chunk.
    await expect(failing).rejects.toThrow(/UNIQUE constraint failed|23505: duplicate key/);
    const none = await t.deps.db
      .selectFrom('connections')
      .select('id')
      .where('user_id', '=', 'user_writer_half')
      .execute();
    expect(none).toEqual([]);
    // Nothing was claimed: the real exchange now succeeds, once.
    const ok = await exchange(token);
    expect(ok.statusCode).toBe(200);
    const conns = await t.deps.db
      .selectFrom('connections')
      .select('id')
      .where('user_id', '=', 'user_writer_half')
      .execute();
    expect(conns.map((c) => c.id)).toEqual([ok.json().connection_id]);
  });
});

describe.skipIf(onPostgres())(
  'a main-thread write while another connection holds the SQLite write lock',
  () => {
    it('waits without stopping the event loop, then completes once the other commits', async () => {
      const { db } = t.deps;
      await sql`create table busy_probe (x integer)`.execute(db);
      const other = new SQLite(sqliteFileOf(db) as string);
      try {
        other.exec('begin immediate'); // the writer thread's position: holding the lock
        let settled = false;
        const write = db
          .transaction()
          .execute((trx) => sql`insert into busy_probe values (1)`.execute(trx))
          .finally(() => {
            settled = true;
          });
        // The event loop turns (timers run) while the write waits: it neither blocks nor fails.
        for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 1));
        expect(settled).toBe(false);
        other.exec('commit');
        await write;
        const rows = await sql<{ n: number }>`select count(*) as n from busy_probe`.execute(db);
        expect(rows.rows[0]?.n).toBe(1);
      } finally {
        if (other.inTransaction) other.exec('rollback');
        other.close();
      }
    });
  },
);

describe('an exchange the writer thread committed survives kill -9 (the built server)', () => {
  it('after the 200 the process is killed: a new one has the connection, its history and its event; a replay is refused', async () => {
    const database = await createTestDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), 'opendinar-exchange-kill-'));
    const env = {
      DATABASE_URL: database.url,
      OPENDINAR_DATA_DIR: dataDir,
      OPENDINAR_SECRET_KEY: randomBytes(32).toString('hex'),
    };
    const post = (url: string, path: string, body: object, key?: string) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? auth(key) : {}) },
        body: JSON.stringify(body),
      });
    const first = await startServerProcess(env);
    let second: Awaited<ReturnType<typeof startServerProcess>> | undefined;
    try {
      const s = await post(
        first.url,
        '/connect',
        { bank_id: 'raiffeisen', user_id: 'user_kill', redirect_url: 'https://app.example.rs/' },
        MANI_KEY,
      );
      expect(s.status).toBe(201);
      const a = await post(first.url, '/sandbox/authorize', {
        session_token: ((await s.json()) as { session_token: string }).session_token,
      });
      const publicToken = ((await a.json()) as { public_token: string }).public_token;
      const x = await post(first.url, '/connect/exchange', { public_token: publicToken }, MANI_KEY);
      expect(x.status).toBe(200);
      const connectionId = ((await x.json()) as { connection_id: string }).connection_id;
      first.proc.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');

      second = await startServerProcess(env);
      const listed = (await (await fetch(`${second.url}/accounts`, { headers: auth(MANI_KEY) })).json()) as {
        accounts: Array<{ id: string; connection_id: string }>;
      };
      const mine = listed.accounts.filter((acc) => acc.connection_id === connectionId);
      expect(mine.length).toBeGreaterThan(0);
      let rows = 0;
      for (const acc of mine) {
        const page = await fetch(`${second.url}/accounts/${acc.id}/transactions?limit=1`, {
          headers: auth(MANI_KEY),
        });
        rows += ((await page.json()) as { total: number }).total;
      }
      expect(rows).toBeGreaterThan(100); // a year of sandbox history
      const events = await database.handle.db
        .selectFrom('webhook_events')
        .select('payload')
        .where('event_type', '=', 'AUTH.AUTOMATICALLY_VERIFIED')
        .execute();
      expect(events.filter((e) => e.payload.includes(connectionId))).toHaveLength(1);
      const again = await post(second.url, '/connect/exchange', { public_token: publicToken }, MANI_KEY);
      expect(again.status).toBe(410);
    } finally {
      if (first.proc.exitCode === null && first.proc.signalCode === null) first.proc.kill('SIGKILL');
      await first.exited;
      if (second) {
        second.proc.kill('SIGTERM');
        await second.exited;
      }
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
