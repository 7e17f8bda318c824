import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER_DIR = new URL('../..', import.meta.url).pathname;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
    srv.on('error', reject);
  });
}

export interface ServerProcess {
  proc: ChildProcess;
  url: string;
  stderr(): string;
  /** Resolves with the exit code (or signal name) once the process ends. */
  exited: Promise<number | string>;
}

/** Starts the real server (`src/main.ts`) as its own process; `ready` waits for /healthz. */
export async function startServerProcess(
  env: Record<string, string>,
  opts: { ready?: boolean } = {},
): Promise<ServerProcess> {
  const port = env.PORT ?? String(await freePort());
  const dataDir = env.OPENDINAR_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'opendinar-proc-'));
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      OPENDINAR_DATA_DIR: dataDir,
      DATABASE_URL: `file:${join(dataDir, 'server.db')}`,
      OPENDINAR_DISPATCHER: 'false',
      ...env,
      PORT: port,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  proc.stderr?.on('data', (d) => {
    err += String(d);
  });
  proc.stdout?.resume();
  const exited = new Promise<number | string>((resolve) =>
    proc.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const url = `http://127.0.0.1:${port}`;
  if (opts.ready ?? true) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`server exited early: ${err}`);
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(`server not ready in 30 s: ${err}`);
      }
      try {
        if ((await fetch(`${url}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { proc, url, stderr: () => err, exited };
}
