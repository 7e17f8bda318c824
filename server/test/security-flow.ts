import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect } from 'vitest';
import type { AppDeps } from '../src/http/principals.js';
import { runDispatcherOnce } from '../src/webhooks/dispatcher.js';
import type { Receiver } from './helpers/webhooks.js';

/** A bearer secret the flow handed out (or a password it sent), to be searched for in storage and logs. */
export interface Secret {
  name: string;
  value: string;
}

export interface Tenant {
  email: string;
  password: string;
  /** devses_ token from registration (the login token is in `secrets`). */
  session: string;
  key: string;
  keyId: string;
  connectionId: string;
  accountId: string;
  /** A sess_ token of this tenant's key, still pending. */
  pendingSession: string;
  /** A public_ token of this tenant's key, authorized and not exchanged. */
  openPublicToken: string;
  webhookId: string;
  deliveryId: string;
  secrets: Secret[];
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function call(
  app: FastifyInstance,
  opts: InjectOptions,
  status: number,
): Promise<Record<string, unknown>> {
  const res = await app.inject(opts);
  if (res.statusCode !== status) {
    throw new Error(`${String(opts.method)} ${String(opts.url)}: ${res.statusCode} ${res.body}`);
  }
  return res.json();
}

let counter = 0;

/**
 * Everything a developer does that creates a secret: register, log in, create a key, connect a bank
 * (start, bank page, authorize, status poll, exchange), a link token and a session started with it,
 * a webhook with its signing secret, and a delivered test event.
 */
export async function runFullFlow(
  app: FastifyInstance,
  deps: AppDeps,
  receiver: Receiver,
  label: string,
): Promise<Tenant> {
  counter += 1;
  const ip = `10.77.${counter}.1`;
  const email = `${label}-${counter}@example.com`;
  const password = `pw-${label}-Zq8v!${counter}-horse-battery`;
  const secrets: Secret[] = [{ name: 'password', value: password }];

  const reg = await call(
    app,
    {
      method: 'POST',
      url: '/developers/register',
      remoteAddress: ip,
      payload: { email, password, name: `Tenant ${label}` },
    },
    201,
  );
  const session = reg.session_token as string;
  const firstKey = (reg.api_key as { key: string }).key;
  secrets.push({ name: 'register session', value: session }, { name: 'register key', value: firstKey });

  const login = await call(
    app,
    { method: 'POST', url: '/developers/login', remoteAddress: ip, payload: { email, password } },
    200,
  );
  secrets.push({ name: 'login session', value: login.session_token as string });

  const created = await call(
    app,
    {
      method: 'POST',
      url: '/developers/keys',
      headers: bearer(session),
      payload: { app_name: `${label} app`, environment: 'sandbox' },
    },
    201,
  );
  const key = created.key as string;
  const keyId = created.id as string;
  secrets.push({ name: 'created key', value: key });
  const keyAuth = bearer(key);

  const started = await call(
    app,
    {
      method: 'POST',
      url: '/connect',
      headers: keyAuth,
      payload: {
        bank_id: 'raiffeisen',
        user_id: `user_${label}`,
        redirect_url: 'https://app.example.rs/done',
      },
    },
    201,
  );
  const sess = started.session_token as string;
  secrets.push({ name: 'connect session', value: sess });
  const page = await app.inject({ method: 'GET', url: `/sandbox/auth.html?session_token=${sess}` });
  expect(page.statusCode).toBe(200);
  const authorized = await call(
    app,
    { method: 'POST', url: '/sandbox/authorize', payload: { session_token: sess } },
    200,
  );
  const publicToken = authorized.public_token as string;
  secrets.push({ name: 'public token', value: publicToken });
  const polled = await call(app, { method: 'GET', url: `/connect/status/${sess}`, headers: keyAuth }, 200);
  expect(polled.public_token).toBe(publicToken);
  const exchanged = await call(
    app,
    { method: 'POST', url: '/connect/exchange', headers: keyAuth, payload: { public_token: publicToken } },
    200,
  );
  const connectionId = exchanged.connection_id as string;
  const accounts = await call(app, { method: 'GET', url: '/accounts', headers: keyAuth }, 200);
  const accountId = (accounts.accounts as { id: string }[])[0]?.id as string;
  expect(accountId).toMatch(/^acc_/);

  // A second session, authorized but never exchanged: its public token stays sealed for status polls.
  const open = await call(
    app,
    {
      method: 'POST',
      url: '/connect',
      headers: keyAuth,
      payload: { bank_id: 'erste', user_id: `user_${label}`, redirect_url: 'https://app.example.rs/done' },
    },
    201,
  );
  const openSess = open.session_token as string;
  const openAuth = await call(
    app,
    { method: 'POST', url: '/sandbox/authorize', payload: { session_token: openSess } },
    200,
  );
  secrets.push(
    { name: 'open connect session', value: openSess },
    { name: 'open public token', value: openAuth.public_token as string },
  );

  const link = await call(
    app,
    { method: 'POST', url: '/link/token', headers: keyAuth, payload: { user_id: `user_${label}` } },
    201,
  );
  const linkToken = link.link_token as string;
  secrets.push({ name: 'link token', value: linkToken });
  const viaLink = await call(
    app,
    {
      method: 'POST',
      url: '/connect',
      headers: bearer(linkToken),
      payload: { bank_id: 'aik', redirect_url: 'https://app.example.rs/done' },
    },
    201,
  );
  const pendingSession = viaLink.session_token as string;
  secrets.push({ name: 'link connect session', value: pendingSession });
  await call(
    app,
    { method: 'GET', url: `/connect/status/${pendingSession}`, headers: bearer(linkToken) },
    200,
  );

  const hook = await call(
    app,
    { method: 'POST', url: '/developers/webhooks', headers: bearer(session), payload: { url: receiver.url } },
    201,
  );
  const webhookId = hook.id as string;
  secrets.push({ name: 'webhook secret', value: hook.secret as string });
  const test = await call(
    app,
    { method: 'POST', url: `/developers/webhooks/${webhookId}/test`, headers: bearer(session) },
    202,
  );
  const summary = await runDispatcherOnce(deps);
  expect(summary.succeeded).toBeGreaterThanOrEqual(1);
  await call(
    app,
    { method: 'GET', url: `/developers/webhooks/${webhookId}/deliveries`, headers: bearer(session) },
    200,
  );
  await app.usage.flush();

  return {
    email,
    password,
    session,
    key,
    keyId,
    connectionId,
    accountId,
    pendingSession,
    openPublicToken: openAuth.public_token as string,
    webhookId,
    deliveryId: test.delivery_id as string,
    secrets,
  };
}

/**
 * The parts of a secret worth searching for: the whole value, and its random tail (the part after
 * the type prefix, minus the few characters a key's visible prefix shows).
 */
export function needles(secret: Secret): string[] {
  const v = secret.value;
  const tail = v.replace(/^(od_(test|live)_sk_|[a-z]+_)/, '');
  const out = [v];
  if (tail.length >= 16) out.push(tail.slice(tail.length - 16));
  return out;
}
