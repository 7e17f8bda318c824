// Bundles src/opendinar.ts into dist/opendinar.js: one minified IIFE with no runtime dependencies.
// `--if-stale` skips the build when dist is newer than every source file (used by the server's pre-scripts).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';

const root = dirname(fileURLToPath(import.meta.url));
const outfile = join(root, 'dist', 'opendinar.js');
const MAX_BYTES = 15 * 1024;

function newestSource(dir) {
  let newest = statSync(join(root, 'build.mjs')).mtimeMs;
  for (const name of readdirSync(dir, { recursive: true })) {
    newest = Math.max(newest, statSync(join(dir, String(name))).mtimeMs);
  }
  return newest;
}

if (process.argv.includes('--if-stale') && existsSync(outfile)) {
  if (statSync(outfile).mtimeMs >= newestSource(join(root, 'src'))) process.exit(0);
}

/** `import css from './x.css'` gives the stylesheet as a minified string. */
const minifiedCss = {
  name: 'minified-css-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => {
      const { code } = await transform(readFileSync(args.path, 'utf8'), {
        loader: 'css',
        minify: true,
        target: 'chrome87',
      });
      return { contents: code.trim(), loader: 'text' };
    });
  },
};

await build({
  entryPoints: [join(root, 'src', 'opendinar.ts')],
  outfile,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
  plugins: [minifiedCss],
});

const code = readFileSync(outfile);
const gz = gzipSync(code, { level: 9 }).length;
console.log(
  `widget: dist/opendinar.js ${(code.length / 1024).toFixed(1)} KB minified, ${(gz / 1024).toFixed(1)} KB gzipped`,
);
if (code.length > MAX_BYTES) {
  console.error(`widget: bundle is over the ${MAX_BYTES / 1024} KB budget`);
  process.exit(1);
}
