// Bundles the server into dist/main.js and dist/cluster.js (dependencies stay external) so start-up skips TypeScript compilation;
// dist/offload-worker.js is the worker-thread entry of the CPU pool (src/offload/pool.ts finds it beside the bundle),
// dist/usage-worker.js the usage recorder's writer thread (src/usage/recorder.ts).
import { build } from 'esbuild';

await build({
  absWorkingDir: new URL('.', import.meta.url).pathname,
  entryPoints: {
    main: 'src/main.ts',
    cluster: 'src/cluster.ts',
    'offload-worker': 'src/offload/worker.ts',
    'usage-worker': 'src/usage/worker.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
