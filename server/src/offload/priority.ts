import { setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';
import { workerNiceFrom } from '../config.js';

/**
 * Lowers this worker thread's CPU priority to OPENDINAR_WORKER_NICE (default 0: unchanged), called
 * once as a worker thread starts (offload/worker.ts, usage/worker.ts). On Linux the nice value
 * belongs to the thread: `setPriority(n)` (pid 0) changes the calling thread only, never the event
 * loop's. Where the cores are busy, the main thread's requests then run first and a sandbox history,
 * an exchange's insert or a usage batch takes the CPU they leave. Off by default: under the mixed
 * load on a machine shared with other busy processes (README, "Mixed load") nice 10 cut the reads'
 * p99 at 32 clients but starved the SQLite writer thread — which holds the write lock the main
 * thread's own writes wait for — and at 128 clients the server served a quarter of the requests.
 * Anywhere it cannot be set (another OS, a sandbox) nothing changes.
 * `defaultNice` applies where OPENDINAR_WORKER_NICE is unset: the PostgreSQL writer thread's is
 * PG_WRITER_NICE (writer.ts) — it holds no lock the event loop's requests wait for.
 */
export function lowerWorkerThreadPriority(env: NodeJS.ProcessEnv = process.env, defaultNice = 0): void {
  if (isMainThread) return;
  let nice: number;
  try {
    nice = env.OPENDINAR_WORKER_NICE ? workerNiceFrom(env) : defaultNice;
  } catch {
    return; // main.ts refuses a bad value at start-up (loadConfig)
  }
  if (nice === 0) return;
  try {
    setPriority(nice);
  } catch {
    // not permitted here: run at the process's priority
  }
}
