import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createTestApp, type TestApp } from './app.js';
import { createDevSession, type Receiver, startReceiver } from './webhooks.js';

type DevSession = Awaited<ReturnType<typeof createDevSession>>;

export interface WebhookSuite {
  /** A fresh app without seed data, per test. */
  t: TestApp;
  /** One local receiver for the whole file, emptied and answering 200 before each test. */
  receiver: Receiver;
  /** Two developers per test: `dev` acts, `other` checks that nothing leaks across accounts. */
  dev: DevSession;
  other: DevSession;
  /** Registers an endpoint for `dev` pointing at the receiver; expects 201. */
  register(): Promise<{ id: string; secret: string }>;
}

/**
 * The setup the webhook API tests share, registered as vitest hooks of the calling file. Read the
 * fields inside tests (they change per test): `const s = useWebhookSuite(); … s.t.app.inject(…)`.
 */
export function useWebhookSuite(): WebhookSuite {
  const s = {
    async register() {
      const res = await s.t.app.inject({
        method: 'POST',
        url: '/developers/webhooks',
        headers: s.dev.headers,
        payload: { url: s.receiver.url },
      });
      expect(res.statusCode).toBe(201);
      return res.json();
    },
  } as WebhookSuite;
  beforeAll(async () => {
    s.receiver = await startReceiver();
  });
  afterAll(async () => {
    await s.receiver.close();
  });
  beforeEach(async () => {
    s.t = await createTestApp({ seed: false });
    s.dev = await createDevSession(s.t.deps.db, s.t.clock);
    s.other = await createDevSession(s.t.deps.db, s.t.clock);
    s.receiver.received.length = 0;
    s.receiver.setResponder(() => 200);
  });
  afterEach(async () => {
    await s.t.close();
  });
  return s;
}
