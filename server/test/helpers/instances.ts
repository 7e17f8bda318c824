import type { FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createTestApp, type TestApp } from './app.js';

/**
 * Test apps, and further server instances on the same database with the same configuration — each on
 * its own connection, as another process would be — all closed (newest first) after the file.
 */
export function useInstances() {
  const opened: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of opened.reverse()) await close();
  });
  return {
    async app(env: Record<string, string>): Promise<TestApp> {
      const t = await createTestApp({ env });
      opened.push(() => t.close());
      return t;
    },
    async instance(t: TestApp): Promise<FastifyInstance> {
      const handle = t.database.connect();
      const other = await buildApp({ ...t.deps, db: handle.db, dialect: handle.dialect });
      await other.ready();
      opened.push(async () => {
        await other.close();
        await handle.close();
      });
      return other;
    },
  };
}
