// Each request's pino child is made only when the request logs (http/logging.ts lazyRequestLogger):
// what is written, and with which request id, must not change.
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { auth, createTestApp, MANI_KEY, type TestApp } from './helpers/app.js';

function memoryLog(): { lines: Array<Record<string, unknown>>; stream: Writable } {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  return { lines, stream };
}

describe('request logger', () => {
  let t: TestApp;
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await t.close();
  });

  async function appAt(level: string) {
    const log = memoryLog();
    const app = await buildApp(t.deps, { logger: { level, stream: log.stream } });
    app.get('/__log-probe', { config: { auth: 'public' } }, async (req) => {
      req.log.warn({ probe: true }, 'probe warning');
      req.log.debug('probe debug');
      return { level: req.log.level, child: req.log.child({ extra: 1 }).level };
    });
    await app.ready();
    apps.push(app);
    return { app, log };
  }

  it('at info: every request line carries its request id, as a pino child writes it', async () => {
    const { app, log } = await appAt('info');
    const res = await app.inject({
      method: 'GET',
      url: '/accounts/acc_rai_001/transactions?limit=2',
      headers: { ...auth(MANI_KEY), 'x-request-id': 'req-logger-info-1' },
    });
    expect(res.statusCode).toBe(200);
    const mine = log.lines.filter((l) => l.reqId === 'req-logger-info-1');
    expect(mine.map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
    expect(mine[0]).toMatchObject({ level: 30, req: { method: 'GET' } });
    expect(mine[1]).toMatchObject({ level: 30, res: { statusCode: 200 } });
  });

  it('at warn: a quiet request writes nothing; a warning is written with its request id', async () => {
    const { app, log } = await appAt('warn');
    const quiet = await app.inject({
      method: 'GET',
      url: '/accounts/acc_rai_001/transactions?limit=2',
      headers: { ...auth(MANI_KEY), 'x-request-id': 'req-logger-quiet' },
    });
    expect(quiet.statusCode).toBe(200);
    const probe = await app.inject({
      method: 'GET',
      url: '/__log-probe',
      headers: { 'x-request-id': 'req-logger-warn-1' },
    });
    expect(probe.json()).toEqual({ level: 'warn', child: 'warn' });
    expect(log.lines).toEqual([
      expect.objectContaining({ level: 40, reqId: 'req-logger-warn-1', probe: true, msg: 'probe warning' }),
    ]);
  });
});
