// The @opendinar/node SDK's weight: the bundled client (ESM and CJS, minified, gzipped), the CLI,
// and how many runtime dependencies it pulls in (target: none, and < 15 KB gzipped for the client).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const SDK = fileURLToPath(new URL('../sdk/', import.meta.url));

export function sdkSize(): Record<string, number> {
  execFileSync('npm', ['run', 'build', '-w', 'sdk', '--silent'], { cwd: `${SDK}..`, stdio: 'ignore' });
  const gz = (f: string) => gzipSync(readFileSync(`${SDK}${f}`)).length;
  const pkg = JSON.parse(readFileSync(`${SDK}package.json`, 'utf8')) as { dependencies?: object };
  return {
    esmBytes: readFileSync(`${SDK}dist/esm/index.js`).length,
    esmGzipBytes: gz('dist/esm/index.js'),
    cjsGzipBytes: gz('dist/cjs/index.js'),
    cliGzipBytes: gz('dist/cli.js'),
    runtimeDependencies: Object.keys(pkg.dependencies ?? {}).length,
  };
}
