// Account management: password change, reset by e-mailed token, sign out everywhere, delete account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailMessage } from '../src/developers/mailer.js';
import { devAuth, type Registered, registerDeveloper } from './developers-helpers.js';
import { auth, createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
const mail: MailMessage[] = [];
beforeAll(async () => {
  t = await createTestApp({ mailer: { send: async (m) => void mail.push(m) } });
});
afterAll(async () => t.close());

let ip = 0;
const post = (url: string, payload: object, token?: string) =>
  t.app.inject({
    method: 'POST',
    url,
    payload,
    remoteAddress: `10.77.0.${++ip % 250}`,
    ...(token ? { headers: devAuth(token) } : {}),
  });
const login = (email: string, password: string) => post('/developers/login', { email, password });
const me = (token: string) => t.app.inject({ method: 'GET', url: '/developers/me', headers: devAuth(token) });

describe('POST /developers/password', () => {
  it('changes the password with the current one; other sessions end, this one stays', async () => {
    const ana = await registerDeveloper(t.app);
    const other = (await login(ana.email, ana.password)).json().session_token as string;
    const wrong = await post(
      '/developers/password',
      { current_password: 'nope nope', new_password: 'a new long one' },
      ana.token,
    );
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error_code).toBe('INVALID_CREDENTIALS');
    const short = await post(
      '/developers/password',
      { current_password: ana.password, new_password: 'short' },
      ana.token,
    );
    expect(short.json().error_code).toBe('PASSWORD_TOO_SHORT');
    const ok = await post(
      '/developers/password',
      { current_password: ana.password, new_password: 'a new long one' },
      ana.token,
    );
    expect(ok.json()).toEqual({ status: 'changed', sessions_revoked: 1 });
    expect((await me(ana.token)).statusCode).toBe(200);
    expect((await me(other)).json().error_code).toBe('INVALID_DEV_TOKEN');
    expect((await login(ana.email, ana.password)).json().error_code).toBe('INVALID_CREDENTIALS');
    expect((await login(ana.email, 'a new long one')).statusCode).toBe(200);
  });
});

describe('password reset by e-mail', () => {
  it('mails a one-use link (same answer for unknown emails), which sets a new password and ends every session', async () => {
    const bob = await registerDeveloper(t.app);
    mail.length = 0;
    const unknown = await post('/developers/password/forgot', { email: 'nobody@example.rs' });
    expect(unknown.statusCode).toBe(202);
    expect(mail).toHaveLength(0);
    const known = await post('/developers/password/forgot', { email: bob.email.toUpperCase() });
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(mail).toHaveLength(1);
    expect(mail[0]?.to).toBe(bob.email);
    const token = /#token=(pwreset_\S+)/.exec(mail[0]?.text ?? '')?.[1] ?? '';
    expect(token).toMatch(/^pwreset_/);
    const stored = await t.deps.db.selectFrom('password_resets').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);

    expect(
      (await post('/developers/password/reset', { token, new_password: 'short' })).json().error_code,
    ).toBe('PASSWORD_TOO_SHORT');
    const reset = await post('/developers/password/reset', { token, new_password: 'reset to this one' });
    expect(reset.json()).toEqual({ status: 'reset' });
    expect((await me(bob.token)).json().error_code).toBe('INVALID_DEV_TOKEN');
    expect((await login(bob.email, 'reset to this one')).statusCode).toBe(200);
    const again = await post('/developers/password/reset', { token, new_password: 'and once more' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error_code).toBe('INVALID_RESET_TOKEN');
    expect(
      (await post('/developers/password/reset', { token: 'pwreset_x', new_password: 'whatever 123' })).json()
        .error_code,
    ).toBe('INVALID_RESET_TOKEN');
  });

  it('expires the link after an hour', async () => {
    const cid = await registerDeveloper(t.app);
    mail.length = 0;
    await post('/developers/password/forgot', { email: cid.email });
    const token = /#token=(pwreset_\S+)/.exec(mail[0]?.text ?? '')?.[1] ?? '';
    t.clock.advance(60 * 60_000);
    expect(
      (await post('/developers/password/reset', { token, new_password: 'too late now' })).json().error_code,
    ).toBe('INVALID_RESET_TOKEN');
  });
});

describe('POST /developers/logout-all', () => {
  it('ends every session at once, this one included', async () => {
    const dan = await registerDeveloper(t.app);
    const other = (await login(dan.email, dan.password)).json().session_token as string;
    const res = await post('/developers/logout-all', {}, dan.token);
    expect(res.json()).toEqual({ status: 'logged_out', sessions_revoked: 2 });
    expect((await me(dan.token)).json().error_code).toBe('INVALID_DEV_TOKEN');
    expect((await me(other)).json().error_code).toBe('INVALID_DEV_TOKEN');
  });
});

describe('DELETE /developers/me', () => {
  it('asks for the password, then deletes the account with its keys, connections and data', async () => {
    const eva = await registerDeveloper(t.app);
    const connect = async () =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/sandbox/connections',
          headers: auth(eva.key),
          payload: {
            bank_id: 'aik',
            user_id: 'u',
            accounts: [
              {
                name: 'Tekući',
                type: 'current',
                currency: 'RSD',
                transactions: [{ date: '2026-03-01', amount: -100, description: 'Maxi' }],
              },
            ],
          },
        })
      ).json();
    const accountId = (await connect()).accounts[0].id as string;
    // A second connection revoked, its data not yet deleted by the background job (off in tests):
    // its day and month counts, left alone by the triggers once revoked, go with the account too.
    const revoked = await connect();
    const revokedAccount = revoked.accounts[0].id as string;
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/connections/${revoked.connection_id}`,
      headers: auth(eva.key),
    });
    expect(revoke.statusCode).toBe(200);
    await post('/developers/webhooks', { url: 'http://127.0.0.1:9/h' }, eva.token);
    await t.app.usage.flush();
    const del = (password: string) =>
      t.app.inject({
        method: 'DELETE',
        url: '/developers/me',
        headers: devAuth(eva.token),
        payload: { password },
      });
    expect((await del('wrong password')).json().error_code).toBe('INVALID_CREDENTIALS');
    expect((await del(eva.password)).json()).toEqual({ status: 'deleted' });
    expect((await me(eva.token)).json().error_code).toBe('INVALID_DEV_TOKEN');
    expect(
      (await t.app.inject({ method: 'GET', url: '/accounts', headers: auth(eva.key) })).json().error_code,
    ).toBe('INVALID_API_KEY');
    expect((await login(eva.email, eva.password)).json().error_code).toBe('INVALID_CREDENTIALS');
    const db = t.deps.db;
    for (const [table, column, value] of [
      ['accounts', 'id', accountId],
      ['transactions', 'account_id', accountId],
      ['transactions', 'account_id', revokedAccount],
      ['transaction_day_counts', 'account_id', accountId],
      ['transaction_day_counts', 'account_id', revokedAccount],
      ['transaction_month_counts', 'account_id', revokedAccount],
      ['connections', 'developer_id', eva.id],
      ['webhooks', 'developer_id', eva.id],
      ['usage_events', 'developer_id', eva.id],
      ['request_log', 'developer_id', eva.id],
      ['api_keys', 'developer_id', eva.id],
    ] as const) {
      // biome-ignore lint/suspicious/noExplicitAny: a table-driven check over several tables
      const rows = await (db as any).selectFrom(table).select(column).where(column, '=', value).execute();
      expect(rows, table).toEqual([]);
    }
    // The seeded apps are untouched.
    expect(
      (await db.selectFrom('accounts').select('id').where('id', '=', 'acc_rai_001').execute()).length,
    ).toBe(1);
  });
});
