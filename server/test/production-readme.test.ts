import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, type TestDatabase } from './helpers/app.js';
import { freePort } from './helpers/process.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The README's production commands, exactly as written between their markers. */
function productionCommands(): string {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const block = /<!-- production-commands -->\n```sh\n([\s\S]*?)```\n<!-- \/production-commands -->/.exec(
    readme,
  );
  if (!block?.[1]) throw new Error('README: production-commands block not found');
  return block[1];
}

describe.skipIf(!onPostgres())('README: production shape commands (PostgreSQL)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('run as written: cluster starts, is live and ready, serves metrics, drains and exits 0', async () => {
    const commands = productionCommands();
    const port = await freePort();
    // Only the database URL and the port are ours; every command runs unchanged.
    const script = commands
      .replace('postgres://postgres@127.0.0.1:5432/opendinar', `'${database.url}'`)
      .replace('PORT=3000', `PORT=${port}`);
    expect(script).toContain(`PORT=${port}`);
    expect(script).toContain(database.url);
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], {
      cwd: ROOT,
      env: {
        ...process.env,
        OPENDINAR_DATA_DIR: mkdtempSync(join(tmpdir(), 'opendinar-readme-')),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    child.stderr.on('data', (d) => {
      err += String(d);
    });
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code, `stdout:\n${out}\nstderr:\n${err}`).toBe(0);
    expect(out).toContain('{"status":"ok"}');
    expect(out).toContain('{"status":"ready"}');
    expect(out.match(/worker \d+ \(pid \d+\) listening/g)).toHaveLength(2);
    const metricLines = /^(\d+)$/m.exec(out);
    expect(Number(metricLines?.[1])).toBeGreaterThan(10);
  }, 180_000);
});
