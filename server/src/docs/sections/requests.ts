import { IDEMPOTENCY_KEY_MAX_LENGTH, IDEMPOTENT_ROUTES } from '../../idempotency/plugin.js';
import { RATE_LIMIT_DEFAULTS, RATE_LIMIT_ENV } from '../../ratelimit/config.js';
import { MAX_CUSTOM_AMOUNT } from '../../sandbox/custom-connections.js';
import { MAX_OFFSET } from '../../transactions/schemas.js';
import type { DocSection } from '../sections.js';

const LIMIT_ROWS: Array<[keyof typeof RATE_LIMIT_DEFAULTS, string, string]> = [
  ['keyPerMinute', 'every request with an API key (or a link token acting for it)', 'per key, per minute'],
  ['sessionPerMinute', 'every request with a developer session', 'per session, per minute'],
  [
    'syncPerHourSandbox',
    '<code>POST /accounts/:id/sync</code> with a sandbox key',
    'per connection, per hour',
  ],
  ['syncPerHourLive', '<code>POST /accounts/:id/sync</code> with a live key', 'per connection, per hour'],
  ['sandboxConnectionsPerHour', '<code>POST /sandbox/connections</code>', 'per key, per hour'],
  [
    'customTransactionsPerDay',
    'transactions uploaded with <code>POST /sandbox/connections</code>',
    'per key, per day',
  ],
  [
    'webhookSendsPerHour',
    '<code>POST …/webhooks/:id/test</code>, <code>…/deliveries/:id/retry</code> and <code>…/webhooks/:id/rotate-secret</code>',
    'per developer, per hour',
  ],
  ['keyCreationsPerHour', '<code>POST /developers/keys</code>', 'per developer, per hour'],
  [
    'maxKeysPerDeveloper',
    'active API keys (<code>409 KEY_LIMIT_REACHED</code> beyond)',
    'per developer, at any time',
  ],
  ['registerPerIpPerHour', '<code>POST /developers/register</code>', 'per client IP, per hour'],
  [
    'loginPerIpPerMinute',
    '<code>POST /developers/login</code>, and each of <code>/developers/password/forgot</code> and <code>/reset</code>',
    'per client IP, per minute',
  ],
];

/** How requests are read and answered: strict input, timeouts, shutdown. Idempotency and limits add their own parts. */
export const requestsSection: DocSection = {
  id: 'requests',
  title: 'Requests: strict input, timeouts and restarts',
  html: `<h3 id="idempotency">Idempotency keys</h3>
<p>Every POST that creates or changes something accepts an <code>Idempotency-Key</code> header (1–${IDEMPOTENCY_KEY_MAX_LENGTH} printable
characters; a UUID v4 is a good choice): ${[...IDEMPOTENT_ROUTES].map((r) => `<code>${r}</code>`).join(', ')}.
The first answer (status and body, including errors other than 5xx) is stored for <strong>24 hours</strong> per API key — or per
developer account on <code>/developers/*</code> — encrypted at rest, and shared by every server process. Retrying with the same key
and the same body returns that answer again with <code>Idempotent-Replayed: true</code>, without running the request twice. The same key
with a different body answers <code>422 IDEMPOTENCY_KEY_REUSED</code>; a retry while the first request is still running answers
<code>409 IDEMPOTENCY_KEY_IN_USE</code> (with <code>Retry-After</code>). A 5xx is not stored, so a retry runs the request again.</p>
<pre>curl -X POST https://api.opendinar.com/link/token -H "Authorization: Bearer od_test_sk_…" \
  -H "Idempotency-Key: 6f1c0f3e-…" -H "Content-Type: application/json" -d '{"user_id":"user_123"}'</pre>
<h3 id="rate-limits">Rate limits</h3>
<p>Every authenticated answer — errors included — carries your budget: <code>RateLimit-Limit</code> (requests allowed in the
window), <code>RateLimit-Remaining</code> and <code>RateLimit-Reset</code> (seconds until the window starts over). Past it the answer is
<code>429 RATE_LIMIT_EXCEEDED</code> with <code>Retry-After</code> in seconds; wait that long (or back off exponentially). Windows are fixed
(they start on the minute, hour or UTC day) and a limit is counted once across all server processes — in Redis when
<code>REDIS_URL</code> is set, otherwise in PostgreSQL; the single embedded SQLite process counts in memory, and several
processes sharing one SQLite file set <code>OPENDINAR_RATE_LIMIT_STORE=database</code>). Across processes a window never admits
more than the limit; a process may refuse a request a little before the others have used up the budget, and its
<code>RateLimit-Remaining</code> may not yet reflect what other processes answered in the last 0.1 s. The public sign-up and sign-in endpoints are limited per client IP (behind a reverse proxy, set
<code>OPENDINAR_TRUST_PROXY</code>); an integration suite that creates many developers from one address raises those limits or sets
<code>0</code>. A request answered from an idempotency key is not counted twice by the
tighter budgets. Defaults (operators change them with the variables shown; <code>0</code> turns one off):</p>
<table><thead><tr><th>what</th><th>default</th><th>counted</th><th>variable</th></tr></thead><tbody>
${LIMIT_ROWS.map(([k, what, per]) => `<tr><td>${what}</td><td>${RATE_LIMIT_DEFAULTS[k].toLocaleString('en')}</td><td>${per}</td><td><code>${RATE_LIMIT_ENV[k]}</code></td></tr>`).join('\n')}
</tbody></table>
<h3>Strict input</h3>
<p>JSON bodies are taken as typed: a field of the wrong JSON type (<code>"bank_id": ["raiffeisen"]</code>, <code>"app_name": 123</code>,
<code>null</code> for a string) answers <code>400 INVALID_FIELD</code> naming the field; nothing is converted for you. Unknown body fields are ignored.
Numeric query parameters are whole numbers written in decimal digits within their documented bounds — <code>limit</code> as per endpoint,
<code>offset</code> at most <strong>${MAX_OFFSET.toLocaleString('en')}</strong> on transactions (10,000 on <code>/banks</code>); beyond that, filter by date.
<code>1e309</code>, <code>Infinity</code>, <code>0x10</code> or <code>9223372036854775808</code> answer <code>INVALID_FIELD</code>.
Custom sandbox amounts and opening balances are at most ${MAX_CUSTOM_AMOUNT.toLocaleString('en')} in absolute value.</p>
<h3>Timeouts</h3>
<p>A whole request (headers and body) must arrive within <code>OPENDINAR_REQUEST_TIMEOUT_MS</code> (default 30 s), else
<code>408 REQUEST_TIMEOUT</code> and the connection is closed; a connection silent for <code>OPENDINAR_CONNECTION_TIMEOUT_MS</code>
(default 60 s) is closed.</p>
<h3>Restarts lose no request</h3>
<p>On <code>SIGTERM</code> a server answers every request that has reached it; requests that arrive after it are answered
<code>503 SERVICE_UNAVAILABLE</code> with <code>Connection: close</code> and <code>Retry-After: 1</code> (retry them — another process
answers). It stops listening once nothing is in flight and nothing new has arrived for <code>OPENDINAR_SHUTDOWN_QUIET_MS</code>
(default 300 ms), so a load balancer can take it out of rotation first.</p>`,
};
