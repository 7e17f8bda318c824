// The developer dashboard's first-load weight: the JS and CSS that dashboard/dist/index.html loads
// before anything else (entry script, module preloads, stylesheets). Lazy chunks (the uPlot chart)
// are not counted: they load only on the usage page. Budget: initial JS < 150 KB gzipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const DIST = fileURLToPath(new URL('../dashboard/dist/', import.meta.url));

export interface DashboardBundleSize {
  jsBytes: number;
  jsGzipBytes: number;
  cssGzipBytes: number;
}

/** Reads dashboard/dist (run `npm run build` first); throws when it is missing. */
export function dashboardBundleSize(distDir: string = DIST): DashboardBundleSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const urls = (re: RegExp) => [...html.matchAll(re)].map((m) => (m[1] ?? '').replace(/^\/dashboard\//, ''));
  const js = [
    ...new Set([
      ...urls(/<script[^>]+src="([^"]+)"/g),
      ...urls(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
    ]),
  ];
  const css = urls(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g);
  const size = (files: string[]) =>
    files.reduce(
      (acc, f) => {
        const bytes = readFileSync(join(distDir, f));
        return { raw: acc.raw + bytes.length, gz: acc.gz + gzipSync(bytes, { level: 9 }).length };
      },
      { raw: 0, gz: 0 },
    );
  const j = size(js);
  return { jsBytes: j.raw, jsGzipBytes: j.gz, cssGzipBytes: size(css).gz };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const s = dashboardBundleSize();
  console.log(
    `dashboard initial JS ${(s.jsBytes / 1024).toFixed(1)} KB, ${(s.jsGzipBytes / 1024).toFixed(1)} KB gzipped (budget 150 KB); CSS ${(s.cssGzipBytes / 1024).toFixed(1)} KB gzipped`,
  );
}
