import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../http/principals.js';
import { refreshConnection } from './refresh.js';
import { listRefreshableConnections } from './refresh-store.js';

export interface RefreshScheduler {
  stop(): Promise<void>;
}

/**
 * Refreshes every active connection once per interval, spread evenly over it so a large number of
 * connections does not hit the banks (or the database) at one instant. Safe with several
 * processes: each refresh claims the connection's lease and skips connections refreshed within
 * the last half interval.
 */
export function startRefreshScheduler(
  deps: AppDeps,
  log: FastifyBaseLogger,
  intervalSeconds: number,
): RefreshScheduler {
  const intervalMs = intervalSeconds * 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;

  // A sleep stop() can cut short, so shutdown never waits for the rest of an interval.
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
      timer.unref();
    });

  async function cycle(): Promise<void> {
    const started = performance.now();
    const ids = await listRefreshableConnections(deps.db);
    for (const [i, id] of ids.entries()) {
      if (stopped) return;
      const due = started + (intervalMs * i) / ids.length;
      const delay = due - performance.now();
      if (delay > 0) await wait(delay);
      if (stopped) return;
      const staleBefore = new Date(deps.clock.now().getTime() - intervalMs / 2).toISOString();
      try {
        const outcome = await refreshConnection(deps, id, { staleBefore });
        if (outcome.status === 'refreshed') {
          const changed = [...outcome.accounts.values()].reduce(
            (n, c) => n + c.added + c.removed + c.modified,
            0,
          );
          log.debug({ connection_id: id, changed }, 'scheduled refresh');
        }
      } catch (err) {
        log.error({ err, connection_id: id }, 'scheduled refresh failed');
      }
    }
    const rest = started + intervalMs - performance.now();
    if (rest > 0 && !stopped) await wait(rest);
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      try {
        await cycle();
      } catch (err) {
        log.error({ err }, 'refresh scheduler cycle failed');
        if (!stopped) await wait(Math.min(intervalMs, 30_000));
      }
    }
  }

  const running = loop();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      // Let a refresh in flight commit (or roll back) before the database closes.
      await running;
    },
  };
}
