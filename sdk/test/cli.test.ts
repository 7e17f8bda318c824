import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenDinar, verifyWebhook } from '../src/index.js';
import { startServer } from './server.js';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const require = createRequire(import.meta.url);
const docs = require('../../server/test/helpers/docs-verify-webhook.cjs') as {
  verifyWebhook(secret: string, rawBody: string, header: string): boolean;
};

let server: Awaited<ReturnType<typeof startServer>>;
let configDir: string;
let env: NodeJS.ProcessEnv;
const email = `cli-${Date.now()}@example.rs`;
const password = 'listen-and-forward';
let apiKey: string;

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env, timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  server = await startServer();
  configDir = mkdtempSync(join(tmpdir(), 'opendinar-cli-'));
  env = { ...process.env, OPENDINAR_CONFIG_DIR: configDir, OPENDINAR_API_URL: server.url };
  const reg = await new OpenDinar({ baseUrl: server.url }).register({
    body: { email, password, name: 'CLI test' },
  });
  apiKey = reg.api_key.key;
});
afterAll(async () => {
  await server.close();
  rmSync(configDir, { recursive: true, force: true });
});

describe('opendinar CLI (spawned as a user would)', () => {
  it('prints --help for every command', async () => {
    const main = await run(['--help']);
    expect(main.code).toBe(0);
    for (const cmd of ['login', 'logout', 'keys', 'listen', 'trigger']) {
      expect(main.stdout).toContain(cmd);
      const res = await run([cmd, '--help']);
      expect(res.code, cmd).toBe(0);
      expect(res.stdout, cmd).toMatch(/Usage: +opendinar|Usage:\n +opendinar/);
    }
    const unknown = await run(['frobnicate']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Unknown command 'frobnicate'");
  });

  it('asks for a login first, refuses a wrong password clearly, then stores the session with mode 0600', async () => {
    const before = await run(['keys', 'list']);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain('opendinar login');
    const wrong = await run(['login', '--email', email, '--password', 'nope-nope-nope']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('INVALID_CREDENTIALS');
    const ok = await run(['login', '--email', email, '--password', password]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain(`as ${email}`);
    expect(statSync(join(configDir, 'config.json')).mode & 0o777).toBe(0o600);
  });

  it('keys list, create and revoke', async () => {
    const created = await run(['keys', 'create', '--name', 'from-cli', '--environment', 'sandbox']);
    expect(created.code, created.stderr).toBe(0);
    const key = /od_test_sk_\w+/.exec(created.stdout)?.[0];
    const id = /key (\S+) for/.exec(created.stdout)?.[1];
    expect(key).toBeDefined();
    const list = await run(['keys', 'list']);
    expect(list.stdout).toContain(id);
    expect(list.stdout).toContain('from-cli');
    const revoked = await run(['keys', 'revoke', id ?? '']);
    expect(revoked.code).toBe(0);
    expect((await run(['keys', 'list'])).stdout).toMatch(new RegExp(`${id}.*revoked`));
    const missing = await run(['keys', 'revoke', 'key_nope']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('KEY_NOT_FOUND');
  });

  it('listen forwards real sandbox events to a local receiver, signed with the printed secret', async () => {
    const received: { body: string; signature: string }[] = [];
    let notify: () => void = () => undefined;
    const receiver: Server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => {
        body += c;
      });
      req.on('end', () => {
        received.push({ body, signature: String(req.headers['opendinar-signature']) });
        res.writeHead(received.length === 1 ? 200 : 500).end();
        notify();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks`;
    const listener: ChildProcess = spawn(process.execPath, [CLI, 'listen', '--forward-to', target], { env });
    let out = '';
    const outputs: (() => void)[] = [];
    listener.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      for (const f of outputs.splice(0)) f();
    });
    const until = async (test: () => boolean) => {
      while (!test()) await new Promise<void>((r) => outputs.push(r));
    };
    const receivedCount = async (n: number) => {
      while (received.length < n) await new Promise<void>((r) => (notify = r));
    };
    try {
      await until(() => out.includes('Ready!'));
      const secret = /signing secret is (whsec_\w+)/.exec(out)?.[1] ?? '';
      expect(secret).toMatch(/^whsec_/);

      // A real sandbox event: the developer's key connects a sandbox bank → AUTH.AUTOMATICALLY_VERIFIED.
      const od = new OpenDinar({ apiKey, baseUrl: server.url });
      const conn = await od.createSandboxConnection({
        body: {
          bank_id: 'erste',
          user_id: 'cli-user',
          accounts: [{ name: 'Tekući', type: 'current', currency: 'RSD', transactions: [] }],
        },
      });
      await receivedCount(1);
      const first = received[0] as { body: string; signature: string };
      const event = verifyWebhook({ payload: first.body, signature: first.signature, secret });
      expect(event).toMatchObject({
        webhook_type: 'AUTH',
        webhook_code: 'AUTOMATICALLY_VERIFIED',
        connection_id: conn.connection_id,
        environment: 'sandbox',
      });
      expect(docs.verifyWebhook(secret, first.body, first.signature)).toBe(true);
      await until(() => out.includes('<-- [200]'));

      // `opendinar trigger` fires one on demand, naming a real account; the receiver's 500 is shown.
      const account = conn.accounts[0]?.id ?? '';
      const fired = await run(['trigger', 'TRANSACTIONS.SYNC_UPDATES_AVAILABLE', '--account', account]);
      expect(fired.code, fired.stderr).toBe(0);
      await receivedCount(2);
      const second = received[1] as { body: string; signature: string };
      expect(verifyWebhook({ payload: second.body, signature: second.signature, secret })).toMatchObject({
        webhook_code: 'SYNC_UPDATES_AVAILABLE',
        account_id: account,
      });
      await until(() => out.includes('<-- [500]'));
      expect(out).toContain('--> TRANSACTIONS.SYNC_UPDATES_AVAILABLE');

      const bad = await run(['trigger', 'NOT.AN_EVENT']);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('INVALID_FIELD');
    } finally {
      listener.kill('SIGTERM');
      receiver.closeAllConnections();
      await new Promise((r) => receiver.close(r));
    }
  });
});
