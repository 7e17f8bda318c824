import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import type { DbHandle } from '../src/db/index.js';
import { runRetentionOnce } from '../src/retention/plugin.js';
import { registerDeveloper } from './developers-helpers.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { useInstances } from './helpers/instances.js';

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

// Hardening: progressive delays ("next attempt allowed at" in the database), remembered addresses expire.
const { app, instance } = useInstances();

async function pair(env: Record<string, string>) {
  const t = await app(env);
  return { t, other: await instance(t) };
}

const retryAfter = (res: { headers: Record<string, unknown> }) => Number(res.headers['retry-after']);

describe('progressive sign-in delays', () => {
  it('spaces out failures per e-mail — 1 s, 2 s, 4 s … capped — answering early attempts 429 with Retry-After', async () => {
    const { t: a, other } = await pair({
      OPENDINAR_LOGIN_FREE_FAILURES_PER_EMAIL: '2',
      OPENDINAR_LOGIN_MAX_DELAY_SECONDS: '8',
    });
    const dev = await registerDeveloper(a.app, { email: 'slow@example.com', password: 'right-password' });
    // Fresh addresses each time: the e-mail's delay, not the IP's, is what is tested here.
    let n = 0;
    const attempt = (password: string, app = a.app) => login(app, dev.email, password, `198.51.100.${++n}`);

    expect((await attempt('wrong-1')).statusCode).toBe(401); // free
    expect((await attempt('wrong-2', other)).statusCode).toBe(401); // the 2nd failure: next attempt in 1 s
    const early = await attempt('wrong-3');
    expect(early.statusCode).toBe(429);
    expect(early.json().error_code).toBe('RATE_LIMIT_EXCEEDED');
    expect(retryAfter(early)).toBe(1);
    // An early attempt is not counted and does not push the delay further, on either process.
    expect(retryAfter(await attempt('wrong-3', other))).toBe(1);

    const waits: number[] = [];
    for (const delay of [1, 2, 4, 8]) {
      a.clock.advance(delay * 1000 - 1);
      expect((await attempt('wrong')).statusCode).toBe(429);
      a.clock.advance(1);
      expect((await attempt('wrong', n % 2 ? other : a.app)).statusCode).toBe(401);
      waits.push(retryAfter(await attempt('wrong')));
    }
    expect(waits).toEqual([2, 4, 8, 8]); // doubling, capped at OPENDINAR_LOGIN_MAX_DELAY_SECONDS

    // The state is a "next attempt at" instant in the database, not a sleeping request.
    const row = await a.deps.db
      .selectFrom('login_throttle')
      .select(['failures', 'next_attempt_at'])
      .where('bucket', 'like', 'email:%')
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(6);
    expect(Number(row.next_attempt_at)).toBe(a.clock.now().getTime() + 8000);

    // The right password from a new address waits like anyone; once the delay is over it signs in
    // and ends the streak: the next failure costs nothing again.
    expect((await attempt('right-password')).statusCode).toBe(429);
    a.clock.advance(8000);
    expect((await attempt('right-password', other)).statusCode).toBe(200);
    expect((await attempt('wrong')).statusCode).toBe(401);
    expect((await attempt('wrong')).statusCode).toBe(401);
    expect((await attempt('wrong')).statusCode).toBe(429);
    // A day of quiet after the delay ends a streak as well.
    a.clock.advance(24 * 3_600_000 + 1000);
    expect((await attempt('wrong')).statusCode).toBe(401);
    expect((await attempt('wrong')).statusCode).toBe(401);
  });

  it('admits one of many concurrent guesses once a delay applies, across two server processes', async () => {
    const { t: a, other } = await pair({ OPENDINAR_LOGIN_FREE_FAILURES_PER_EMAIL: '1' });
    const dev = await registerDeveloper(a.app, { email: 'burst@example.com', password: 'right-password' });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        login(i % 2 ? other : a.app, dev.email, `guess-${i}`, `203.0.113.${i + 1}`),
      ),
    );
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(1);
    expect(answers.filter((r) => r.statusCode === 429)).toHaveLength(9);
  });

  it('spaces out failures per IP across e-mails; the IP gets no known-address pass, other IPs are unaffected', async () => {
    const { t: a, other } = await pair({
      OPENDINAR_LOGIN_FREE_FAILURES_PER_IP: '3',
      OPENDINAR_LOGIN_FIRST_DELAY_SECONDS: '30',
    });
    const dev = await registerDeveloper(a.app, { email: 'ip-owner@example.com', password: 'right-password' });
    const ip = '203.0.113.50';
    expect((await login(a.app, dev.email, 'right-password', ip)).statusCode).toBe(200); // a known address
    for (let i = 0; i < 3; i++)
      expect((await login(i % 2 ? other : a.app, `spray${i}@example.com`, 'guess-1234', ip)).statusCode).toBe(
        401,
      );
    const blocked = await login(other, dev.email, 'right-password', ip);
    expect(blocked.statusCode).toBe(429);
    expect(retryAfter(blocked)).toBe(30);
    expect((await login(a.app, dev.email, 'right-password', '203.0.113.51')).statusCode).toBe(200);
    a.clock.advance(30_000);
    expect((await login(a.app, dev.email, 'right-password', ip)).statusCode).toBe(200);
  });
});

describe('remembered sign-in addresses', () => {
  it('expire after OPENDINAR_KNOWN_LOGIN_DAYS and are deleted by the retention job', async () => {
    const { t: a } = await pair({ OPENDINAR_KNOWN_LOGIN_DAYS: '30' });
    const dev = await registerDeveloper(a.app, { email: 'remember@example.com', password: 'right-password' });
    const home = '10.20.30.40';
    expect((await login(a.app, dev.email, 'right-password', home)).statusCode).toBe(200);
    const knownRows = () =>
      a.deps.db.selectFrom('login_throttle').select('bucket').where('bucket', 'like', 'known:%').execute();
    expect(await knownRows()).toHaveLength(1);

    const lockEmail = async () => {
      for (let i = 0; i < 5; i++) await login(a.app, dev.email, `guess-${i}`, `203.0.113.${100 + i}`);
      expect((await login(a.app, dev.email, 'guess-x', '203.0.113.99')).statusCode).toBe(429);
    };

    // Day 29: still known — retention keeps it and the owner gets past a locked e-mail.
    a.clock.advance(29 * 86_400_000);
    expect((await runRetentionOnce(a.deps)).known_logins).toBe(0);
    await lockEmail();
    expect((await login(a.app, dev.email, 'right-password', home)).statusCode).toBe(200); // refreshes it
    // 30 days after that sign-in: forgotten, and deleted by the retention job.
    a.clock.advance(30 * 86_400_000 + 1000);
    await lockEmail();
    expect((await login(a.app, dev.email, 'right-password', home)).statusCode).toBe(429);
    const counts = await runRetentionOnce(a.deps);
    expect(counts.known_logins).toBe(1);
    expect(await knownRows()).toEqual([]);
  });
});
