import { type Config, ConfigError, loadConfig, resolveSecretKey } from './config.js';

/** One line on stderr and exit 1: start-up failures are configuration problems, not stack traces. */
export function fail(message: string): never {
  process.stderr.write(`opendinar: ${message}\n`);
  process.exit(1);
}

/** The validated configuration and the secret key, or exit naming what is wrong (main.ts, cluster.ts). */
export function loadStartupConfig(): { config: Config; key: Buffer } {
  try {
    const config = loadConfig();
    return { config, key: resolveSecretKey(config) };
  } catch (err) {
    fail(err instanceof ConfigError ? err.message : `configuration error: ${(err as Error).message}`);
  }
}
