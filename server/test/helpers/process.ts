import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SERVER_DIR = new URL('../..', import.meta.url).pathname;

/**
 * scrypt cost (log2 N) of passwords hashed by test apps (helpers/app.ts) and test server processes:
 * N=16 takes microseconds where production's 2^15 takes ~100 ms of a core per registration or
 * sign-in. A test about the cost itself passes `config: { passwordScryptCost }` or the variable;
 * TEST_SCRYPT_COST=15 in the environment runs the suite at the production cost.
 */
export const TEST_SCRYPT_COST = process.env.TEST_SCRYPT_COST || '4';

/**
 * How tests start the real server as a process: the esbuild bundle (`dist/main.js`, what the root
 * `npm start` runs), not `tsx src/main.ts`, which compiles the sources at every
 * start (≈3× slower to ready on a loaded machine). The bundle is rebuilt before any test runs when
 * a source is newer (test/helpers/build-global.ts), so it is never stale. Relative to the server dir.
 */
export const SERVER_ENTRY: readonly string[] = ['dist/main.js'];

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

/**
 * Starts the real server (the bundle of `src/main.ts`, see SERVER_ENTRY) as its own process. `ready` (the default) waits until
 * /readyz answers 200 — listening, database reachable, every migration applied — polling every
 * 50 ms, for as long as the process is alive and starting (on a loaded machine a start has taken
 * over 30 s). `readyTimeoutMs` (default 180 s) only bounds a
 * process that never becomes ready; an exit before that fails at once with its stderr.
 */
export async function startServerProcess(
  env: Record<string, string>,
  opts: { ready?: boolean; readyTimeoutMs?: number } = {},
): Promise<ServerProcess> {
  const port = env.PORT ?? String(await freePort());
  const dataDir = env.OPENDINAR_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'opendinar-proc-'));
  const proc = spawn(process.execPath, [...SERVER_ENTRY], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      OPENDINAR_DATA_DIR: dataDir,
      DATABASE_URL: `file:${join(dataDir, 'server.db')}`,
      OPENDINAR_DISPATCHER: 'false',
      OPENDINAR_PASSWORD_SCRYPT_COST: TEST_SCRYPT_COST,
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
    const limit = opts.readyTimeoutMs ?? 180_000;
    const deadline = Date.now() + limit;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`server exited early: ${err}`);
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(`server not ready in ${limit / 1000} s: ${err}`);
      }
      try {
        if ((await fetch(`${url}/readyz`)).status === 200) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { proc, url, stderr: () => err, exited };
}

/** Sends raw bytes on a fresh connection and resolves with everything the server sent until it closed. */
export function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let got = '';
    socket.on('data', (d) => {
      got += String(d);
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(got));
    socket.write(bytes);
    // The server closes (Connection: close); end our side once an answer has started, so a 200 returns too.
    socket.on('data', () => {
      if (/\r\n\r\n/.test(got) && !/^HTTP\/1\.1 100/.test(got)) socket.end();
    });
  });
}

export interface HeldRequest {
  socket: Socket;
  /** Everything after the `100 Continue`, once the server has answered and the socket closed. */
  answer: Promise<string>;
}

/**
 * Sends a request's head with `Expect: 100-continue` and resolves once the server has parsed it
 * (it answers 100 Continue): from then on the request has reached the server; write the body to finish it.
 */
export function holdRequest(port: number, headLines: string[]): Promise<HeldRequest> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let got = '';
    let continued = false;
    let settle: (s: string) => void = () => {};
    const answer = new Promise<string>((r) => {
      settle = r;
    });
    socket.on('data', (d) => {
      got += String(d);
      if (!continued && got.startsWith('HTTP/1.1 100') && got.includes('\r\n\r\n')) {
        continued = true;
        got = got.slice(got.indexOf('\r\n\r\n') + 4);
        resolve({ socket, answer });
      }
      // One answer is all a held request gets: stop once the head and declared body are in.
      const m = /\r\ncontent-length: (\d+)\r\n/i.exec(got);
      const headEnd = got.indexOf('\r\n\r\n');
      if (continued && m && headEnd >= 0 && Buffer.byteLength(got) - headEnd - 4 >= Number(m[1]))
        socket.end();
    });
    socket.on('error', (err) => (continued ? settle(`error ${err.message}`) : reject(err)));
    socket.on('close', () => settle(got));
    socket.write(`${headLines.join('\r\n')}\r\nConnection: close\r\n\r\n`);
  });
}
