import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildBankSim } from '../../../bank-sim/src/app.js';
import { loadBanksConfig } from '../../src/config.js';
import { Connectors } from '../../src/connectors/registry.js';
import { sha256Hex } from '../../src/ids.js';
import { auth, createTestApp, type TestApp } from './app.js';

export const LIVE_KEY = 'od_live_sk_liveBanksTest000001';
export const LIVE = auth(LIVE_KEY);
export const LIVE_REDIRECT_URLS = ['https://app.example.rs/done', 'https://app.example.rs/x'];

export interface LiveRig {
  t: TestApp;
  sim: FastifyInstance;
  simBase: string;
  connectors: Connectors;
  /** Every backoff the XS2A client asked for (no real waits in tests). */
  delays: number[];
  simCall<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/**
 * OpenDinar with a live key and Raiffeisen + Erste pointed at an in-process bank-sim, through a
 * temporary OPENDINAR_BANKS_CONFIG file. The bank's clock follows the test clock, so moving
 * `t.clock` moves both.
 */
export async function createLiveRig(
  now = '2026-12-06T10:00:00.000Z',
  opts: { publicUrl?: string } = {},
): Promise<LiveRig> {
  const t = await createTestApp({
    now,
    // These tests drive many refreshes of one connection: the bank's own budget is what they test,
    // not OpenDinar's per-connection force-refresh rate limit (test/rate-limits.test.ts covers that).
    env: {
      OPENDINAR_RATE_LIMIT_SYNC_PER_HOUR_LIVE: '0',
      ...(opts.publicUrl && { OPENDINAR_PUBLIC_URL: opts.publicUrl }),
    },
  });
  const sim = await buildBankSim({ now: () => t.clock.now() });
  await sim.listen({ port: 0, host: '127.0.0.1' });
  const address = sim.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('bank-sim is not listening');
  const simBase = `http://127.0.0.1:${address.port}`;
  const dir = mkdtempSync(join(tmpdir(), 'od-banks-'));
  const file = join(dir, 'banks.json');
  writeFileSync(
    file,
    JSON.stringify({
      raiffeisen: {
        baseUrl: `${simBase}/raiffeisen`,
        xs2aVersion: '1.3.11',
        profile: 'raiffeisen',
        timeoutMs: 1500,
      },
      erste: { baseUrl: `${simBase}/erste`, xs2aVersion: '1.3.11', profile: 'erste', timeoutMs: 1500 },
    }),
  );
  const delays: number[] = [];
  const connectors = new Connectors({
    clock: t.clock,
    liveBanks: loadBanksConfig(file),
    xs2a: {
      retry: {
        attempts: 3,
        baseDelayMs: 200,
        maxDelayMs: 2000,
        random: () => 0.5,
        delay: async (ms) => {
          delays.push(ms);
        },
      },
    },
  });
  t.deps.connectors = connectors;
  await t.deps.db
    .insertInto('api_keys')
    .values({
      id: 'key_live_banks',
      developer_id: 'dev_mani_app',
      key_hash: sha256Hex(LIVE_KEY),
      prefix: LIVE_KEY.slice(0, 15),
      app_name: 'Mani App (live)',
      environment: 'live',
      scopes: JSON.stringify(['accounts:read', 'balance:read', 'transactions:read']),
      status: 'active',
      created_at: t.clock.now().toISOString(),
      last_used_at: null,
      revoked_at: null,
      // A live key's users may be sent back only to its registered URLs (connect/redirect-urls.ts).
      redirect_urls: JSON.stringify(LIVE_REDIRECT_URLS),
    })
    .execute();
  return {
    t,
    sim,
    simBase,
    connectors,
    delays,
    async simCall(method, path, body) {
      const res = await fetch(`${simBase}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as never };
    },
    async close() {
      await t.close();
      await sim.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
