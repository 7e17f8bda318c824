import { createTestApp, MANI_KEY, type TestApp } from '../../server/test/helpers/app.js';

export { MANI_KEY };

/** The real API on a real socket (SQLite, or PostgreSQL under with-pg.mjs), wall-clock dated. */
export async function startServer(config: Record<string, unknown> = {}): Promise<TestApp & { url: string }> {
  const t = await createTestApp({
    now: new Date().toISOString(),
    env: { OPENDINAR_PUBLIC_URL: 'http://127.0.0.1' },
    config,
  });
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return Object.assign(t, { url: address });
}
