// ESM and CommonJS builds of the client (one bundled file each, Node built-ins only), their .d.ts,
// and the CLI. Run after scripts/generate.ts (npm run build does both).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist`;
rmSync(dist, { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};
await build({ ...common, entryPoints: ['src/index.ts'], format: 'esm', outfile: 'dist/esm/index.js' });
await build({ ...common, entryPoints: ['src/index.ts'], format: 'cjs', outfile: 'dist/cjs/index.js' });
await build({
  ...common,
  minify: false,
  entryPoints: ['src/cli.ts'],
  format: 'esm',
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node' },
});
writeFileSync(`${dist}/cjs/package.json`, '{ "type": "commonjs" }\n');
writeFileSync(`${dist}/esm/package.json`, '{ "type": "module" }\n');
copyFileSync(`${root}src/generated/openapi.json`, `${dist}/openapi.json`);

// Declarations: emitted once, copied beside each build (the cjs folder reads them as CommonJS).
const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
for (const target of ['esm', 'cjs']) cpSync(`${dist}/types`, `${dist}/${target}`, { recursive: true });
rmSync(`${dist}/types`, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
console.log(`sdk: built ${readdirSync(`${dist}/esm`).length} files per format into sdk/dist`);
