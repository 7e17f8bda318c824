import { isMainThread } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { workerThreadsFrom } from '../config.js';
import {
  type GeneratedProfile,
  type GenerateOptions,
  generateSandboxProfile,
} from '../connectors/sandbox/generate.js';
import { categorizeTransaction } from '../enrich/categorize.js';
import type * as Tasks from './worker.js';
import { builtWorkerEntry } from './worker-entry.js';

/**
 * A small worker-thread pool for the CPU-heavy parts of a new connection — generating a sandbox
 * bank's history and categorising imported transactions — so the event loop keeps answering
 * other requests meanwhile. The main thread still writes the rows (in one transaction, yielding
 * between chunks: transactions/store.ts), so a connection is stored all-or-nothing as before.
 *
 * OPENDINAR_WORKER_THREADS: pool size; default one less than the cores (at least 1, at most 4);
 * 0 runs these tasks on the main thread. One process-wide pool, created on first use; idle workers
 * do not keep the process alive.
 */
let pool: Piscina | null | undefined;

/** The worker's entry: dist/offload-worker.js, or worker.ts through tsx (offload/worker-entry.ts). */
export function workerEntry(): { filename: string } {
  const url = builtWorkerEntry(
    new URL('./offload-worker.js', import.meta.url),
    'OPENDINAR_OFFLOAD_WORKER',
    new URL('./worker-tsx.mjs', import.meta.url),
  );
  return { filename: url.href };
}

function poolOf(): Piscina | null {
  if (pool !== undefined) return pool;
  const threads = workerThreadsFrom(process.env);
  // On a worker thread itself (the writer thread), tasks run inline: no pool inside a pool.
  if (threads === 0 || !isMainThread) {
    pool = null;
    return pool;
  }
  const entry = workerEntry();
  pool = new Piscina({
    filename: entry.filename,
    minThreads: 1,
    maxThreads: threads,
    // A worker beyond the first lives a minute after its last task.
    idleTimeout: 60_000,
  });
  return pool;
}

function run<K extends keyof typeof Tasks>(
  name: K,
  arg: Parameters<(typeof Tasks)[K]>[0],
): Promise<ReturnType<(typeof Tasks)[K]>> | undefined {
  const p = poolOf();
  return p ? (p.run(arg, { name }) as Promise<ReturnType<(typeof Tasks)[K]>>) : undefined;
}

/** generateSandboxProfile on a worker thread (same seed and options → the same profile). */
export async function generateSandboxProfileOffThread(opts: GenerateOptions): Promise<GeneratedProfile> {
  return (await run('sandboxProfile', opts)) ?? generateSandboxProfile(opts);
}

/** Below this many, categorising costs less than handing the work to a worker. */
const INLINE_BELOW = 64;

/** categorizeTransaction for each item, on a worker thread when there are many. */
export async function categorizeOffThread(
  items: ReadonlyArray<{ description: string; amount: number }>,
): Promise<string[]> {
  if (items.length >= INLINE_BELOW) {
    const out = run('categorize', {
      descriptions: items.map((t) => t.description),
      amounts: items.map((t) => t.amount),
    });
    if (out) return out;
  }
  return items.map((t) => categorizeTransaction(t));
}
