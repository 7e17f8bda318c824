// Builds each workspace whose output is missing or older than its sources, so `npm start` and
// `npm test` work on a fresh clone without a separate build step, and cost nothing when up to date.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const targets = [
  { ws: 'widget', sources: ['src', 'build.mjs', 'package.json'], output: 'dist/opendinar.js' },
  {
    ws: 'dashboard',
    sources: ['src', 'index.html', 'vite.config.ts', 'package.json'],
    output: 'dist/index.html',
  },
  { ws: 'server', sources: ['src', 'build.mjs'], output: 'dist/cluster.js' },
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

// A checkout pulled without `npm ci` may lack a dependency the code now imports (e.g. a newly added
// one): say so in one line instead of failing later with a module-resolution stack trace.
const serverPkg = JSON.parse(readFileSync(join(root, 'server', 'package.json'), 'utf8'));
const missing = Object.keys(serverPkg.dependencies ?? {}).filter(
  (name) =>
    !existsSync(join(root, 'node_modules', name, 'package.json')) &&
    !existsSync(join(root, 'server', 'node_modules', name, 'package.json')),
);
if (missing.length > 0) {
  console.error(`dependencies not installed (${missing.join(', ')}): run \`npm ci\` first`);
  process.exit(1);
}

const only = process.argv.slice(2);
for (const t of targets) {
  if (only.length && !only.includes(t.ws)) continue;
  const dir = join(root, t.ws);
  if (!existsSync(join(dir, 'package.json'))) continue;
  if (!JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts?.build) continue;
  const out = join(dir, t.output);
  const built = existsSync(out) ? statSync(out).mtimeMs : 0;
  const src = Math.max(...t.sources.map((s) => newest(join(dir, s))));
  if (built >= src) continue;
  console.log(`building ${t.ws} (${built ? 'sources changed' : 'no build yet'})`);
  execFileSync('npm', ['run', 'build', '-w', t.ws], { cwd: root, stdio: 'inherit' });
}
