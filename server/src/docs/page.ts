import { BANKS } from '../banks/catalogue.js';
import { ERROR_CODES } from '../errors.js';
import type { OpenApiDocument } from './routes.js';
import { DOC_SECTIONS } from './sections.js';

const escapeHtml = (s: string): string =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function endpointTable(doc: OpenApiDocument): string {
  const rows: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const m of METHODS) {
      const op = ops[m];
      if (!op) continue;
      rows.push(
        `<tr><td><code>${m.toUpperCase()} ${escapeHtml(path)}</code></td><td>${escapeHtml(op.tags?.[0] ?? '')}</td><td>${escapeHtml(op.summary ?? '')}</td></tr>`,
      );
    }
  }
  return `<table><thead><tr><th>Endpoint</th><th>Area</th><th>What it does</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function errorTable(): string {
  const rows = Object.entries(ERROR_CODES).map(
    ([code, spec]) =>
      `<tr id="${code.toLowerCase()}"><td><a href="#${code.toLowerCase()}"><code>${code}</code></a></td><td>${spec.type}</td><td>${spec.status}</td><td>${escapeHtml(spec.message)}</td></tr>`,
  );
  return `<table><thead><tr><th>error_code</th><th>error_type</th><th>HTTP</th><th>Meaning</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function bankTable(): string {
  const rows = BANKS.map(
    (b) =>
      `<tr><td>${escapeHtml(b.name)}</td><td><code>${b.id}</code></td><td>${b.status}</td><td>${b.bic}</td></tr>`,
  );
  return `<table><thead><tr><th>Bank</th><th>id</th><th>Status</th><th>BIC</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The reference for people: guide sections, banks, endpoints from OpenAPI, and one anchor per error code. */
export function renderDocsPage(doc: OpenApiDocument, publicUrl: string): string {
  const sections = DOC_SECTIONS.map(
    (s) => `<section id="${s.id}"><h2>${escapeHtml(s.title)}</h2>${s.html}</section>`,
  );
  const toc = [
    ...DOC_SECTIONS.map((s) => [s.id, s.title]),
    ['banks', 'Banks'],
    ['endpoints', 'Endpoints'],
    ['error-codes', 'Error codes'],
  ]
    .map(([id, title]) => `<li><a href="#${id}">${escapeHtml(title ?? '')}</a></li>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>OpenDinar API reference</title><style>
body{font:16px/1.55 system-ui,sans-serif;max-width:960px;margin:0 auto;padding:1.5rem;color:#1a1a2e}
code,pre{font-family:ui-monospace,Menlo,monospace;font-size:.9em}pre{background:#f4f5f8;padding:.8rem;overflow:auto;border-radius:6px}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border-bottom:1px solid #e3e5ea;padding:.35rem .5rem;text-align:left;vertical-align:top}
tr:target{background:#fff6c2}a{color:#1b5fd1}nav ul{columns:2}
</style></head><body>
<h1>OpenDinar API reference</h1>
<p>Base URL <code>${escapeHtml(publicUrl)}</code>. Machine-readable OpenAPI: <a href="/openapi.json">/openapi.json</a>;
interactive explorer: <a href="/docs/reference">/docs/reference</a>.</p>
<nav><ul>${toc}</ul></nav>
${sections.join('\n')}
<section id="banks"><h2>Banks</h2>${bankTable()}</section>
<section id="endpoints"><h2>Endpoints</h2>${endpointTable(doc)}</section>
<section id="error-codes"><h2>Error codes</h2>${errorTable()}</section>
</body></html>`;
}
