import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/ids.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { type Receiver, startReceiver } from './helpers/webhooks.js';
import { needles, runFullFlow, type Tenant } from './security-flow.js';

/** Every table of this test's database (its own PostgreSQL schema, or the SQLite file). */
async function dumpAllTables(t: TestApp): Promise<Map<string, Record<string, unknown>[]>> {
  const db = t.deps.db;
  let schema: string | undefined;
  if (t.deps.dialect === 'postgres') {
    const r = await sql<{ s: string }>`select current_schema() as s`.execute(db);
    schema = r.rows[0]?.s;
  }
  const tables = (await db.introspection.getTables({ withInternalKyselyTables: true })).filter(
    (tbl) => schema === undefined || tbl.schema === schema,
  );
  const dump = new Map<string, Record<string, unknown>[]>();
  for (const tbl of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(tbl.name)}`.execute(db);
    dump.set(tbl.name, rows.rows);
  }
  return dump;
}

/** Where (table.column, row index) any string cell contains `needle`. */
function findIn(dump: Map<string, Record<string, unknown>[]>, needle: string): string[] {
  const hits: string[] = [];
  for (const [table, rows] of dump) {
    rows.forEach((row, i) => {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === 'string' && value.includes(needle)) hits.push(`${table}.${column}[${i}]`);
      }
    });
  }
  return hits;
}

describe('secrets at rest', () => {
  let t: TestApp;
  let receiver: Receiver;
  let tenants: Tenant[];
  let dump: Map<string, Record<string, unknown>[]>;

  beforeAll(async () => {
    receiver = await startReceiver();
    t = await createTestApp();
    tenants = [
      await runFullFlow(t.app, t.deps, receiver, 'alpha'),
      await runFullFlow(t.app, t.deps, receiver, 'beta'),
    ];
    dump = await dumpAllTables(t);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('dumps every table the flow wrote to (the search covers real data)', () => {
    for (const table of [
      'developers',
      'dev_sessions',
      'api_keys',
      'connect_sessions',
      'connections',
      'accounts',
      'transactions',
      'link_tokens',
      'webhooks',
      'webhook_events',
      'webhook_deliveries',
      'webhook_attempts',
      'usage_minutes',
      'usage_instants',
      'request_log_chunks',
    ]) {
      expect(dump.get(table)?.length ?? 0, table).toBeGreaterThan(0);
    }
    // Plain data the flow sent is found by the same search, so a stored secret would be too.
    const alpha = tenants[0] as Tenant;
    expect(findIn(dump, alpha.email)).not.toEqual([]);
    expect(findIn(dump, alpha.connectionId)).not.toEqual([]);
  });

  it('stores no secret in plain text anywhere in the database', () => {
    const leaks: string[] = [];
    for (const tenant of tenants) {
      for (const secret of tenant.secrets) {
        for (const needle of needles(secret)) {
          for (const hit of findIn(dump, needle)) leaks.push(`${secret.name} (${needle}) in ${hit}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('keeps bearer secrets as SHA-256 hashes and lookups find them by hash', () => {
    for (const tenant of tenants) {
      for (const secret of tenant.secrets) {
        if (secret.name === 'password' || secret.name === 'webhook secret') continue;
        expect(findIn(dump, sha256Hex(secret.value)), secret.name).not.toEqual([]);
      }
    }
  });

  it('hashes passwords with a salted scrypt, never a bare digest', () => {
    const rows = dump.get('developers') as { email: string; password_hash: string }[];
    for (const tenant of tenants) {
      const row = rows.find((r) => r.email === tenant.email);
      expect(row?.password_hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
      expect(findIn(dump, sha256Hex(tenant.password))).toEqual([]);
    }
  });

  it('seals what must be read back (webhook secret, bank grant, public token for polls) with AES-GCM', () => {
    const box = t.deps.box;
    for (const tenant of tenants) {
      const hook = (dump.get('webhooks') as { id: string; secret_enc: string }[]).find(
        (w) => w.id === tenant.webhookId,
      );
      const secret = tenant.secrets.find((s) => s.name === 'webhook secret')?.value;
      expect(hook?.secret_enc).toMatch(/^v1\./);
      expect(box.open(hook?.secret_enc ?? '')).toBe(secret);

      const conn = (dump.get('connections') as { id: string; grant_enc: string | null }[]).find(
        (c) => c.id === tenant.connectionId,
      );
      expect(conn?.grant_enc).toMatch(/^v1\./);
      expect(() => box.open(conn?.grant_enc ?? '')).not.toThrow();

      const open = (
        dump.get('connect_sessions') as {
          public_token_hash: string | null;
          public_token_enc: string | null;
        }[]
      ).find((s) => s.public_token_hash === sha256Hex(tenant.openPublicToken));
      expect(open?.public_token_enc).toMatch(/^v1\./);
      expect(box.open(open?.public_token_enc ?? '')).toBe(tenant.openPublicToken);
    }
    // Sealing twice gives different ciphertexts (random IV), and a flipped bit is refused (GCM tag).
    expect(box.seal('x')).not.toBe(box.seal('x'));
    const sealed = box.seal('whsec_abc');
    const last = sealed.at(-1) === 'A' ? 'B' : 'A';
    expect(() => box.open(sealed.slice(0, -1) + last)).toThrow();
  });

  it('drops the sealed public token and grant from the session once exchanged', () => {
    const sessions = dump.get('connect_sessions') as {
      connection_id: string | null;
      public_token_enc: string | null;
      grant_enc: string | null;
    }[];
    for (const tenant of tenants) {
      const done = sessions.find((s) => s.connection_id === tenant.connectionId);
      expect(done).toBeDefined();
      expect(done?.public_token_enc).toBeNull();
      expect(done?.grant_enc).toBeNull();
    }
  });
});
