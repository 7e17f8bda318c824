import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import type { DbHandle } from '../src/db/index.js';
import { registerDeveloper } from './developers-helpers.js';
import { createTestApp, type TestApp } from './helpers/app.js';

// Issue 12 item 3: a stranger's wrong guesses cannot lock the owner out; guessing stays impossible.
let t: TestApp;
let other: { app: Awaited<ReturnType<typeof buildApp>>; handle: DbHandle };
beforeAll(async () => {
  t = await createTestApp();
  const handle = t.database.connect();
  const app = await buildApp({ ...t.deps, db: handle.db, dialect: handle.dialect });
  await app.ready();
  other = { app, handle };
});
afterAll(async () => {
  await other.app.close();
  await other.handle.close();
  await t.close();
});

const login = (app: TestApp['app'], email: string, password: string, ip: string) =>
  app.inject({ method: 'POST', url: '/developers/login', remoteAddress: ip, payload: { email, password } });

describe('sign-in under attack', () => {
  it('the owner still signs in from an address they used before, on any server process', async () => {
    const dev = await registerDeveloper(t.app, { email: 'owner@example.com', password: 'right-password' });
    expect((await login(t.app, dev.email, 'right-password', '10.1.1.1')).statusCode).toBe(200);

    // A stranger guesses from elsewhere, on the other server process, until the email is limited.
    for (let i = 0; i < 5; i++) {
      expect((await login(other.app, dev.email, `guess-${i}`, '203.0.113.7')).statusCode).toBe(401);
    }
    const limited = await login(other.app, dev.email, 'guess-x', '203.0.113.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    // Even the right password from the stranger's (or any new) address gets the same 429: no oracle.
    expect((await login(t.app, dev.email, 'right-password', '203.0.113.7')).statusCode).toBe(429);
    expect((await login(t.app, dev.email, 'right-password', '198.51.100.9')).statusCode).toBe(429);
    // A wrong password from the owner's address is limited too.
    expect((await login(other.app, dev.email, 'guess-y', '10.1.1.1')).statusCode).toBe(429);

    // The owner, with the right password from their usual address, is let in — by either process.
    expect((await login(other.app, dev.email, 'right-password', '10.1.1.1')).statusCode).toBe(200);
  });
});
