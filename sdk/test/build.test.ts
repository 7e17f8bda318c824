import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the published package', () => {
  beforeAll(() => {
    if (!existsSync(`${root}dist/esm/index.js`) || !existsSync(`${root}dist/cli.js`)) {
      execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
    }
  });

  it('loads as ESM and as CommonJS, with declarations for both', () => {
    const esm = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        'const m = await import("@opendinar/node"); console.log(Object.keys(m).sort().join())',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    const cjs = execFileSync(
      process.execPath,
      ['-e', 'const m = require("@opendinar/node"); console.log(Object.keys(m).sort().join())'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(esm.trim()).toBe(cjs.trim());
    expect(esm).toContain('OpenDinar');
    expect(esm).toContain('verifyWebhook');
    for (const f of ['dist/esm/index.d.ts', 'dist/cjs/index.d.ts', 'dist/esm/generated/openapi.d.ts'])
      expect(existsSync(`${root}${f}`), f).toBe(true);
  });

  it('has no runtime dependency and stays small', () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { dependencies?: object };
    expect(Object.keys(pkg.dependencies ?? {})).toEqual([]);
    const gz = gzipSync(readFileSync(`${root}dist/esm/index.js`)).length;
    expect(gz).toBeLessThan(15 * 1024);
  });
});
