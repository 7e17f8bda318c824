import { IDEMPOTENCY_KEY_MAX_LENGTH, IDEMPOTENT_ROUTES } from '../../idempotency/plugin.js';
import { MAX_CUSTOM_AMOUNT } from '../../sandbox/custom-connections.js';
import { MAX_OFFSET } from '../../transactions/schemas.js';
import type { DocSection } from '../sections.js';

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
