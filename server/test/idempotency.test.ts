import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import type { DbHandle } from '../src/db/index.js';
import { claimIdempotencyKey } from '../src/idempotency/store.js';
import { devAuth, type Registered, registerDeveloper } from './developers-helpers.js';
import { auth, createTestApp, MANI_KEY, type TestApp } from './helpers/app.js';

// Issue 12 item 1: Stripe-style Idempotency-Key on every POST that creates or changes something.
let t: TestApp;
let second: { app: Awaited<ReturnType<typeof buildApp>>; handle: DbHandle };
let dev: Registered;
beforeAll(async () => {
  t = await createTestApp();
  // A second server instance on its own connection to the same database.
  const handle = t.database.connect();
  const app = await buildApp({ ...t.deps, db: handle.db, dialect: handle.dialect });
  await app.ready();
  second = { app, handle };
  dev = await registerDeveloper(t.app);
});
afterAll(async () => {
  await second.app.close();
  await second.handle.close();
  await t.close();
});

const createKey = (app: TestApp['app'], key: string, body: object, token = dev.token) =>
  app.inject({
    method: 'POST',
    url: '/developers/keys',
    headers: { ...devAuth(token), 'idempotency-key': key },
    payload: body,
  });
const keyCount = async (developerId: string) =>
  (await t.deps.db.selectFrom('api_keys').select('id').where('developer_id', '=', developerId).execute())
    .length;

describe('Idempotency-Key', () => {
  it('replays the first answer (status and body) with Idempotent-Replayed, from either instance', async () => {
    const before = await keyCount(dev.id);
    const first = await createKey(t.app, 'create-key-1', { app_name: 'Idem', environment: 'sandbox' });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await createKey(second.app, 'create-key-1', { app_name: 'Idem', environment: 'sandbox' });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await keyCount(dev.id)).toBe(before + 1);
  });

  it('stores the answer encrypted: the new key is not readable in the table', async () => {
    const res = await createKey(t.app, 'create-key-secret', { app_name: 'Secret', environment: 'sandbox' });
    const rows = await t.deps.db.selectFrom('idempotency_keys').selectAll().execute();
    const row = rows.find((r) => r.idem_key === 'create-key-secret');
    expect(row?.state).toBe('done');
    expect(row?.response_enc).not.toContain(res.json().key);
    expect(row?.response_enc).not.toContain('od_test_sk_');
  });

  it('the same key with a different body → 422 IDEMPOTENCY_KEY_REUSED', async () => {
    await createKey(t.app, 'create-key-2', { app_name: 'A', environment: 'sandbox' });
    const res = await createKey(second.app, 'create-key-2', { app_name: 'B', environment: 'sandbox' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error_code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('while the first request is in flight (in another process) → 409 IDEMPOTENCY_KEY_IN_USE', async () => {
    const now = t.clock.now();
    // Another server process has claimed the key and not answered yet.
    await claimIdempotencyKey(t.deps.db, {
      owner: `dev:${dev.id}`,
      idem_key: 'busy-1',
      request_hash: 'whatever',
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 86_400_000).toISOString(),
    });
    const res = await second.app.inject({
      method: 'POST',
      url: '/developers/keys',
      headers: { ...devAuth(dev.token), 'idempotency-key': 'busy-1' },
      payload: { app_name: 'Busy', environment: 'sandbox' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error_code).toBe('IDEMPOTENCY_KEY_IN_USE');
    expect(res.headers['retry-after']).toBe('1');
  });

  it('concurrent retries on two instances run the request once', async () => {
    const before = await keyCount(dev.id);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        createKey(i % 2 ? t.app : second.app, 'race-1', { app_name: 'Race', environment: 'sandbox' }),
      ),
    );
    for (const a of answers) expect([201, 409]).toContain(a.statusCode);
    const executed = answers.filter((a) => a.statusCode === 201 && !a.headers['idempotent-replayed']);
    expect(executed).toHaveLength(1);
    expect(await keyCount(dev.id)).toBe(before + 1);
  });

  it('keys are per owner: another developer with the same key gets their own answer', async () => {
    const other = await registerDeveloper(t.app);
    const a = await createKey(t.app, 'shared-name', { app_name: 'Mine', environment: 'sandbox' });
    const b = await createKey(
      t.app,
      'shared-name',
      { app_name: 'Theirs', environment: 'sandbox' },
      other.token,
    );
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(b.json().app_name).toBe('Theirs');
  });

  it('a key of at most 255 printable characters; longer → INVALID_FIELD', async () => {
    const ok = await createKey(t.app, 'k'.repeat(255), { app_name: 'Long', environment: 'sandbox' });
    expect(ok.statusCode).toBe(201);
    const res = await createKey(t.app, 'k'.repeat(256), { app_name: 'Long', environment: 'sandbox' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error_code).toBe('INVALID_FIELD');
    expect(res.json().error_message).toContain('Idempotency-Key');
  });

  it('works on API-key routes too (POST /link/token, POST /connect), replaying errors as well', async () => {
    const link = (user_id: string) =>
      t.app.inject({
        method: 'POST',
        url: '/link/token',
        headers: { ...auth(MANI_KEY), 'idempotency-key': 'link-1' },
        payload: { user_id },
      });
    const a = await link('u1');
    const b = await link('u1');
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.json().link_token).toBe(a.json().link_token);
    const connect = () =>
      second.app.inject({
        method: 'POST',
        url: '/connect',
        headers: { ...auth(MANI_KEY), 'idempotency-key': 'connect-bad-bank' },
        payload: { bank_id: 'nobank', user_id: 'u1', redirect_url: 'https://app.example/cb' },
      });
    const e1 = await connect();
    expect(e1.statusCode).toBe(404);
    const e2 = await connect();
    expect(e2.statusCode).toBe(404);
    expect(e2.headers['idempotent-replayed']).toBe('true');
    expect(e2.json()).toEqual(e1.json());
  });

  it('without the header nothing changes and nothing is stored', async () => {
    const before = (await t.deps.db.selectFrom('idempotency_keys').select('idem_key').execute()).length;
    const res = await t.app.inject({
      method: 'POST',
      url: '/link/token',
      headers: auth(MANI_KEY),
      payload: { user_id: 'u9' },
    });
    expect(res.statusCode).toBe(201);
    expect((await t.deps.db.selectFrom('idempotency_keys').select('idem_key').execute()).length).toBe(before);
  });

  it('is kept 24 hours; afterwards the key runs again', async () => {
    const link = () =>
      t.app.inject({
        method: 'POST',
        url: '/link/token',
        headers: { ...auth(MANI_KEY), 'idempotency-key': 'day-1' },
        payload: { user_id: 'day' },
      });
    const first = (await link()).json().link_token;
    t.clock.advance(23 * 3_600_000);
    expect((await link()).json().link_token).toBe(first);
    t.clock.advance(3_600_000 + 1);
    const later = await link();
    expect(later.statusCode).toBe(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(later.json().link_token).not.toBe(first);
  });
});
