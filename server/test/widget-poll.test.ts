import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type SessionStatus, WidgetApiError } from '../../widget/src/api.js';
import { pollDelay, pollStatus } from '../../widget/src/poll.js';

/** The widget's status poller, on fake timers: cadence, backoff, final states and errors. */
describe('widget status polling', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function scripted(answers: (SessionStatus | WidgetApiError)[]) {
    const calls: number[] = [];
    const fetchStatus = async (): Promise<SessionStatus> => {
      calls.push(Date.now());
      const next = answers.shift() ?? { status: 'pending' };
      if (next instanceof WidgetApiError) throw next;
      return next;
    };
    return { calls, fetchStatus };
  }

  it('polls every second at first, then backs off to at most 5 s', () => {
    expect(pollDelay(1)).toBe(1000);
    expect(pollDelay(29)).toBe(1000);
    expect(pollDelay(30)).toBe(1500);
    expect(pollDelay(31)).toBe(2250);
    expect(pollDelay(100)).toBe(5000);
  });

  it('asks at once, keeps asking while pending and stops at authorized', async () => {
    const { calls, fetchStatus } = scripted([
      { status: 'pending' },
      { status: 'pending' },
      { status: 'authorized', public_token: 'public_x', expires_in: 300 },
    ]);
    const finals: SessionStatus[] = [];
    const start = Date.now();
    pollStatus(fetchStatus, { onFinal: (s) => finals.push(s), onError: () => expect.unreachable() });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls.map((t) => t - start)).toEqual([0, 1000, 2000]);
    expect(finals).toEqual([{ status: 'authorized', public_token: 'public_x', expires_in: 300 }]);
  });

  it('stops on denied and reports it as final', async () => {
    const { calls, fetchStatus } = scripted([{ status: 'pending' }, { status: 'denied' }]);
    const finals: string[] = [];
    pollStatus(fetchStatus, { onFinal: (s) => finals.push(s.status), onError: () => expect.unreachable() });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(finals).toEqual(['denied']);
    expect(calls).toHaveLength(2);
  });

  it('retries network failures with growing delays, then gives up with NETWORK', async () => {
    const net = () => new WidgetApiError('NETWORK', 'down');
    const { calls, fetchStatus } = scripted([net(), net(), net(), net(), { status: 'pending' }]);
    const errors: string[] = [];
    const start = Date.now();
    pollStatus(fetchStatus, { onFinal: () => expect.unreachable(), onError: (e) => errors.push(e.code) });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls.map((t) => t - start)).toEqual([0, 2000, 6000, 14000]);
    expect(errors).toEqual(['NETWORK']);
  });

  it('recovers when the network comes back before giving up', async () => {
    const { fetchStatus } = scripted([
      new WidgetApiError('NETWORK', 'down'),
      new WidgetApiError('INTERNAL_ERROR', 'oops'),
      { status: 'authorized', public_token: 'public_y', expires_in: 300 },
    ]);
    const finals: string[] = [];
    pollStatus(fetchStatus, { onFinal: (s) => finals.push(s.status), onError: () => expect.unreachable() });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(finals).toEqual(['authorized']);
  });

  it('an expired session is an error at once (no retries)', async () => {
    const { calls, fetchStatus } = scripted([new WidgetApiError('SESSION_EXPIRED', 'gone')]);
    const errors: string[] = [];
    pollStatus(fetchStatus, { onFinal: () => expect.unreachable(), onError: (e) => errors.push(e.code) });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(errors).toEqual(['SESSION_EXPIRED']);
    expect(calls).toHaveLength(1);
  });

  it('stop() ends polling; poke() asks right away instead of at the next tick', async () => {
    const { calls, fetchStatus } = scripted([]);
    const start = Date.now();
    const poller = pollStatus(fetchStatus, {
      onFinal: () => expect.unreachable(),
      onError: () => expect.unreachable(),
    });
    await vi.advanceTimersByTimeAsync(300);
    poller.poke();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((t) => t - start)).toEqual([0, 300]);
    poller.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(2);
  });
});
