// Bundles the server into dist/main.js and dist/cluster.js (dependencies stay external) so start-up skips TypeScript compilation.
import { build } from 'esbuild';

await build({
  absWorkingDir: new URL('.', import.meta.url).pathname,
  entryPoints: ['src/main.ts', 'src/cluster.ts'],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
