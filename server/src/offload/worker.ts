// The worker-thread side of the CPU pool (offload/pool.ts): pure functions of their arguments, so a
// task gives the same answer here as on the main thread. Bundled as dist/offload-worker.js.
import {
  type GeneratedProfile,
  type GenerateOptions,
  generateSandboxProfile,
} from '../connectors/sandbox/generate.js';
import { categorizeTransaction } from '../enrich/categorize.js';

/** A sandbox bank's deterministic history (the sandbox connector's import). */
export function sandboxProfile(opts: GenerateOptions): GeneratedProfile {
  return generateSandboxProfile(opts);
}

/** Categories for transactions that arrived without one, in order. */
export function categorize(input: { descriptions: string[]; amounts: number[] }): string[] {
  return input.descriptions.map((description, i) =>
    categorizeTransaction({ description, amount: input.amounts[i] as number }),
  );
}
