// ESM and CommonJS builds of the hook (React stays a peer dependency) and their .d.ts.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}dist`, { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  entryPoints: ['src/index.ts'],
  bundle: true,
  external: ['react'],
  target: 'es2020',
  minify: true,
  logLevel: 'warning',
};
await build({ ...common, format: 'esm', outfile: 'dist/esm/index.js' });
await build({ ...common, format: 'cjs', outfile: 'dist/cjs/index.js' });
writeFileSync(`${root}dist/cjs/package.json`, '{ "type": "commonjs" }\n');
const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
for (const f of ['esm', 'cjs']) cpSync(`${root}dist/types`, `${root}dist/${f}`, { recursive: true });
rmSync(`${root}dist/types`, { recursive: true, force: true });
