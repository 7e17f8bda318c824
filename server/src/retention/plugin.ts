import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../http/principals.js';
import { cutoffs, policyFromConfig, RETENTION_INTERVAL_MS, type RetentionCounts } from './retention.js';
import { deleteOldRows } from './store.js';

const FIRST_PASS_DELAY_MS = 60_000;

export type RetentionDeps = Pick<AppDeps, 'db' | 'clock' | 'config'>;

/** One pass of the retention job: deletes everything the policy calls old and says how much. */
export async function runRetentionOnce(
  deps: RetentionDeps,
  options: { batchSize?: number } = {},
): Promise<RetentionCounts> {
  const c = cutoffs(policyFromConfig(deps.config), deps.clock.now());
  return deleteOldRows(deps.db, c, options.batchSize);
}

/**
 * Runs the retention job hourly in this process (first pass a minute after start). Off together with
 * the webhook dispatcher (OPENDINAR_DISPATCHER=false), which keeps tests deterministic; with several
 * processes each runs it, harmlessly — the deletes are idempotent and batched.
 */
export function registerRetention(app: FastifyInstance): void {
  if (!app.deps.config.dispatcherEnabled) return;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const tick = (): void => {
    if (running || stopped) return; // a slow pass is never overlapped by the next
    running = runRetentionOnce(app.deps)
      .then((counts) => {
        const deleted = Object.values(counts).reduce((a, b) => a + b, 0);
        if (deleted > 0) app.log.info({ retention: counts }, 'retention: deleted old rows');
      })
      .catch((err: unknown) => app.log.error({ err }, 'retention pass failed; will retry next hour'))
      .finally(() => {
        running = null;
      });
  };

  app.addHook('onReady', async () => {
    // The first pass waits a minute (start-up stays quick), then one every hour.
    timer = setTimeout(() => {
      tick();
      timer = setInterval(tick, RETENTION_INTERVAL_MS);
      timer.unref();
    }, FIRST_PASS_DELAY_MS);
    timer.unref();
  });
  // onClose runs before the database is closed, so an in-flight pass finishes on an open handle.
  app.addHook('onClose', async () => {
    stopped = true;
    if (timer) {
      clearTimeout(timer);
      clearInterval(timer);
    }
    timer = null;
    await running;
  });
}
