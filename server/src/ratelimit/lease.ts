import type { Hit, RateLimitStore } from './store.js';

/** Counts one request against a budget of `limit` per fixed window: allowed when `count <= limit`. */
export interface BudgetCounter {
  take(bucket: string, limit: number, windowMs: number, nowMs: number): Hit | Promise<Hit>;
}

/** Every request is one atomic increment in the store (exact: memory, or per-hit shared counting). */
export function exactCounter(store: RateLimitStore): BudgetCounter {
  return {
    take: (bucket, _limit, windowMs, nowMs) => store.hit(bucket, windowMs, nowMs, 1),
  };
}

export interface LeaseOptions {
  /**
   * A slice is doubled when the previous one was used up within this many ms of being claimed, and
   * halved when it lasted more than four times as long: a process holds about what it serves in
   * this time (100 ms), so what an idle process holds unused is bounded by its recent rate.
   */
  leaseMs?: number;
  /** A slice never exceeds 1/share of the budget left unclaimed, as this process last saw it (16). */
  share?: number;
  /** Nor this many requests (1024). */
  maxSlice?: number;
}

interface Waiter {
  resolve: (hit: Hit) => void;
  reject: (err: unknown) => void;
}

interface Lease {
  bucket: string;
  end: number;
  /** The shared counter (units claimed by every process) after this process's last claim. */
  known: number;
  /** Units of this window's budget this process has claimed and not used yet. */
  held: number;
  /** When this process last claimed in this window (the clock's ms), and how much. */
  claimedAt: number;
  claimed: number;
  /** The clock when the latest request of this window arrived (a claim made for waiters uses it). */
  lastSeen: number;
  inFlight: boolean;
  waiting: Waiter[];
}

const windowEndOf = (nowMs: number, windowMs: number) => Math.floor(nowMs / windowMs) * windowMs + windowMs;

/**
 * Per-process budget leases over a shared counter (the database or Redis): the shared counter of a
 * (bucket, window) hands out consecutive positions 1, 2, 3, … — one atomic `hits = hits + n` claims
 * the n positions after the previous total, whichever process asks. A process serves requests from
 * the positions it claimed, in memory and synchronously, and claims again when it has none left —
 * or when what it knows of the shared total is older than `leaseMs` (a claim of 0 then only reads it).
 * Only positions ≤ limit are ever used, and no two processes get the same position, so the requests
 * allowed in a window across all processes never exceed the limit — whatever the slice sizes, the
 * timing or the number of processes. Positions a process claimed but did not use are lost when the
 * window ends (never given back): that can only refuse a request early, never admit one more, and it
 * is bounded — a slice is at most 1/16 of what was left unclaimed, at most `maxSlice`, and about what
 * the process serves in `leaseMs`; the first claim of each window is only what is waiting, so a key
 * used now and then is counted exactly, request by request.
 *
 * Headers: a request's count is the shared total this process last saw (capped at the limit) less
 * what it still holds, so `RateLimit-Remaining` = the budget no process had claimed at that moment +
 * what this process holds (that moment being at most `leaseMs` ago); with one process that is exact,
 * and it never counts another process's unused slice as available.
 */
export function leasedCounter(store: RateLimitStore, options: LeaseOptions = {}): BudgetCounter {
  const leaseMs = options.leaseMs ?? 100;
  const share = options.share ?? 16;
  const maxSlice = options.maxSlice ?? 1024;
  const leases = new Map<string, Lease>();
  // Slice size per bucket, carried from one window to the next.
  const slices = new Map<string, number>();

  const served = (lease: Lease, limit: number): Hit => {
    lease.held -= 1;
    return { count: Math.min(lease.known, limit) - lease.held, resetAtMs: lease.end };
  };
  const refused = (lease: Lease, limit: number): Hit => ({ count: limit + 1, resetAtMs: lease.end });

  const claim = (lease: Lease, limit: number, windowMs: number, nowMs: number) => {
    const first = lease.claimed === 0;
    let slice = slices.get(lease.bucket) ?? 1;
    if (!first) {
      // The previous slice used up within leaseMs: twice as much. Over half of it left when it went
      // stale: half as much.
      if (lease.held === 0 && nowMs - lease.claimedAt <= leaseMs) slice = Math.min(maxSlice, slice * 2);
      else if (lease.held > slice / 2) slice = Math.max(1, slice >> 1);
      slices.set(lease.bucket, slice);
    }
    const unclaimed = Math.max(0, limit - lease.known);
    const target = first ? 1 : Math.min(slice, Math.max(1, Math.floor(unclaimed / share)));
    // What is waiting is served first from what is held; a claim of 0 only reads the shared total.
    const n = Math.max(0, Math.max(lease.waiting.length, target) - lease.held);
    lease.inFlight = true;
    lease.claimedAt = nowMs;
    lease.claimed += 1;
    const settle = (hit: Hit) => {
      // This claim got the positions total − n + 1 … total: those up to the limit are ours.
      const total = hit.count;
      lease.known = Math.max(lease.known, total);
      lease.held += Math.max(0, Math.min(n, limit - (total - n)));
      lease.inFlight = false;
      const waiting = lease.waiting;
      let i = 0;
      for (; i < waiting.length && lease.held > 0; i++) waiting[i]?.resolve(served(lease, limit));
      if (lease.known >= limit) {
        for (; i < waiting.length; i++) waiting[i]?.resolve(refused(lease, limit));
        lease.waiting = [];
      } else {
        lease.waiting = waiting.slice(i);
        if (lease.waiting.length > 0) claim(lease, limit, windowMs, lease.lastSeen);
      }
    };
    const fail = (err: unknown) => {
      lease.inFlight = false;
      const waiting = lease.waiting;
      lease.waiting = [];
      for (const w of waiting) w.reject(err);
    };
    try {
      const r = store.hit(lease.bucket, windowMs, nowMs, n);
      if (r instanceof Promise) r.then(settle, fail);
      else settle(r);
    } catch (err) {
      fail(err);
    }
  };

  // Windows that are over are dropped when the map has grown (amortised: the next sweep waits until
  // it has doubled again).
  let sweepAt = 10_000;
  const sweep = (nowMs: number) => {
    for (const [k, l] of leases) {
      if (l.end <= nowMs && !l.inFlight && l.waiting.length === 0) leases.delete(k);
    }
    if (slices.size > 100_000) slices.clear();
    sweepAt = Math.max(10_000, 2 * leases.size);
  };

  return {
    take(bucket, limit, windowMs, nowMs) {
      const end = windowEndOf(nowMs, windowMs);
      const key = `${end}:${bucket}`;
      let lease = leases.get(key);
      if (!lease) {
        if (leases.size >= sweepAt) sweep(nowMs);
        lease = {
          bucket,
          end,
          known: 0,
          held: 0,
          claimedAt: nowMs,
          claimed: 0,
          lastSeen: nowMs,
          inFlight: false,
          waiting: [],
        };
        leases.set(key, lease);
      }
      lease.lastSeen = Math.max(lease.lastSeen, nowMs);
      if (lease.waiting.length === 0) {
        // Once the shared total has reached the limit it only grows: what is held is all there is.
        if (lease.known >= limit) return lease.held > 0 ? served(lease, limit) : refused(lease, limit);
        // Served from the slice while what this process knows of the shared total is fresh.
        if (lease.held > 0 && nowMs - lease.claimedAt <= leaseMs) return served(lease, limit);
      }
      // Otherwise it waits for a claim, behind any request already waiting (they keep their order).
      const l = lease;
      return new Promise<Hit>((resolve, reject) => {
        l.waiting.push({ resolve, reject });
        if (!l.inFlight) claim(l, limit, windowMs, nowMs);
      });
    },
  };
}
