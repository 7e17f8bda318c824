import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, resolveSecretKey } from '../src/config.js';
import { createDb } from '../src/db/index.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createTestApp, type TestApp } from './helpers/app.js';

// Issue 12 item 7 (part): weak passwords, HSTS, owner-only database and key files.
let t: TestApp;
let https: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  https = await createTestApp({ env: { OPENDINAR_PUBLIC_URL: 'https://api.example.rs' } });
});
afterAll(async () => {
  await t.close();
  await https.close();
});

let n = 0;
const register = (password: string) =>
  t.app.inject({
    method: 'POST',
    url: '/developers/register',
    remoteAddress: `10.55.0.${++n}`,
    payload: { email: `weak${n}@example.rs`, password, name: 'Weak' },
  });

describe('registration refuses common passwords', () => {
  it.each(['password1', 'Password123', '12345678', 'qwertyuiop', 'lozinka123', 'aaaaaaaaaa', '3456789012'])(
    '%s → 400 WEAK_PASSWORD',
    async (password) => {
      const res = await register(password);
      expect(res.statusCode).toBe(400);
      expect(res.json().error_code).toBe('WEAK_PASSWORD');
    },
  );
  it('a long uncommon passphrase is accepted', async () => {
    expect((await register('violet staple orbit nine')).statusCode).toBe(201);
  });
});

describe('HSTS', () => {
  it('is sent when the public URL is https', async () => {
    const res = await https.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
  it('is not sent over plain http (local development)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('files are owner-only', () => {
  it('the SQLite database and its WAL are created mode 0600', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'opendinar-mode-'));
    const path = join(dir, 'sub', 'x.db');
    const handle = createDb({ kind: 'sqlite', path });
    await migrateToLatest(handle.db);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(`${path}-wal`).mode & 0o777).toBe(0o600);
    await handle.close();
  });
  it('the generated secret key file is mode 0600', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opendinar-key-'));
    resolveSecretKey(loadConfig({ OPENDINAR_DATA_DIR: dir }));
    expect(statSync(join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
  });
});
