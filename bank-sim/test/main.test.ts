// `npm run bank-sim` (src/main.ts): starts on BANK_SIM_PORT at 127.0.0.1 and serves the banks and /sim.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill('SIGTERM');
});

function started(proc: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    proc.stderr?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    proc.on('exit', (code) => reject(new Error(`bank-sim exited with ${code}: ${out}`)));
  });
}

describe('src/main.ts', () => {
  it('listens on BANK_SIM_PORT (0 = any free port) and answers XS2A and /sim calls', async () => {
    const cwd = fileURLToPath(new URL('..', import.meta.url));
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd,
      env: { ...process.env, BANK_SIM_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const base = await started(child);
    const clock = await fetch(`${base}/sim/clock`);
    expect(clock.status).toBe(200);
    const status = await fetch(`${base}/erste/v1/consents/unknown/status`, {
      headers: { 'X-Request-ID': crypto.randomUUID() },
    });
    expect(status.status).toBe(403);
    expect(await status.json()).toMatchObject({ tppMessages: [{ code: 'CONSENT_UNKNOWN' }] });
  });
});
