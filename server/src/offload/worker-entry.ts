import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where a worker thread's code comes from, for the offload pool and writer (offload-worker.js) and
 * the usage writer (usage-worker.js): the built file beside the bundle when running from dist/; else
 * the file the env variable names (the test suite points OPENDINAR_OFFLOAD_WORKER and
 * OPENDINAR_USAGE_WORKER at dist/, which its global setup rebuilds from these sources first); else
 * the source through tsx's loader — a thread that starts that way spends 1–3 s of CPU loading tsx
 * and compiling its imports, once per test file.
 */
export function builtWorkerEntry(built: URL, envVariable: string, fromSource: URL): URL {
  if (existsSync(fileURLToPath(built))) return built;
  const prebuilt = process.env[envVariable];
  if (prebuilt && existsSync(prebuilt)) return pathToFileURL(prebuilt);
  return fromSource;
}
