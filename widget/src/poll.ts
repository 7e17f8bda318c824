import { type SessionStatus, WidgetApiError } from './api.js';

export interface PollHandlers {
  /** A final answer: authorized, denied, expired or exchanged. */
  onFinal(status: SessionStatus): void;
  /** A failure that retrying the same session will not fix, or the network staying down. */
  onError(error: WidgetApiError): void;
}

export interface Poller {
  /** Ask again now (e.g. the bank window just closed). */
  poke(): void;
  stop(): void;
}

const TRANSIENT = new Set(['NETWORK', 'INTERNAL_ERROR', 'SERVICE_UNAVAILABLE', 'RATE_LIMIT_EXCEEDED']);
const MAX_TRANSIENT_FAILURES = 4;

/** Delay before poll n: 1 s for the first half minute, then growing by half each time up to 5 s. */
export function pollDelay(n: number): number {
  return n < 30 ? 1000 : Math.min(5000, Math.round(1000 * 1.5 ** (n - 29)));
}

/** Polls the session's status until it is final, an error ends it, or stop() is called. */
export function pollStatus(fetchStatus: () => Promise<SessionStatus>, handlers: PollHandlers): Poller {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let count = 0;
  let failures = 0;
  let inFlight = false;

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(tick, ms);
  };

  async function tick(): Promise<void> {
    if (stopped || inFlight) return;
    inFlight = true;
    try {
      const status = await fetchStatus();
      failures = 0;
      if (stopped) return;
      if (status.status === 'pending') schedule(pollDelay(++count));
      else {
        stopped = true;
        handlers.onFinal(status);
      }
    } catch (e) {
      if (stopped) return;
      const error = e instanceof WidgetApiError ? e : new WidgetApiError('NETWORK', String(e));
      if (TRANSIENT.has(error.code) && ++failures < MAX_TRANSIENT_FAILURES) {
        schedule(1000 * 2 ** failures);
      } else {
        stopped = true;
        handlers.onError(error);
      }
    } finally {
      inFlight = false;
    }
  }

  schedule(0);
  return {
    poke: () => schedule(0),
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
