import { backoffCeilingMs, DEFAULT_BACKOFF } from '../../webhooks/backoff.js';
import { DEFAULT_TIMEOUT_MS } from '../../webhooks/dispatcher.js';
import { WEBHOOK_EVENT_TYPES } from '../../webhooks/events.js';
import { RESPONSE_BODY_MAX_BYTES } from '../../webhooks/response-body.js';
import { MAX_WEBHOOKS_PER_DEVELOPER } from '../../webhooks/routes.js';
import { SIGNATURE_TOLERANCE_SECONDS } from '../../webhooks/signing.js';
import type { DocSection } from '../sections.js';

/** The product docs' Node.js example, verbatim (tests run exactly this text against real deliveries). */
export const VERIFY_WEBHOOK_EXAMPLE = [
  "const { createHmac } = require('crypto');",
  'function verifyWebhook(secret, rawBody, signatureHeader) {',
  "const parts = Object.fromEntries(signatureHeader.split(',').map(p => p.split('=')));",
  "const expected = createHmac('sha256', secret)",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the docs' example, quoted verbatim
  '.update(`${parts.t}.${rawBody}`)',
  ".digest('hex');",
  'return expected === parts.v1;',
  '}',
].join('\n');

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const pretty = (ms: number) =>
  ms >= 3600_000
    ? `${+(ms / 3600_000).toFixed(1)} h`
    : ms >= 60_000
      ? `${+(ms / 60_000).toFixed(1)} min`
      : `${ms / 1000} s`;

function scheduleRows(): string {
  const rows: string[] = [];
  let elapsed = 0;
  for (let n = 1; n <= 12; n++) {
    const ceiling = backoffCeilingMs(DEFAULT_BACKOFF, n);
    elapsed += ceiling;
    rows.push(`<tr><td>${n}</td><td>up to ${pretty(ceiling)}</td><td>≤ ${pretty(elapsed)}</td></tr>`);
  }
  return rows.join('\n');
}

const example = (type: string, code: string, fields: Record<string, string>) =>
  esc(
    JSON.stringify(
      {
        webhook_type: type,
        webhook_code: code,
        ...fields,
        timestamp: 1743760200,
        event_id: 'evt_4fTq9ZbX2kLm8NpR3sVw',
        environment: 'sandbox',
      },
      null,
      2,
    ),
  );

export const webhooksSection: DocSection = {
  id: 'webhooks',
  title: 'Webhooks',
  html: `<p>Instead of polling, register an HTTPS endpoint and OpenDinar POSTs a JSON event to it when a bank connects, a
connection is revoked, or new transactions are ready. Events go to every webhook of the developer who owns the API key
involved, filtered by each webhook's <code>events</code>.</p>

<h3>Registering</h3>
<pre>POST /developers/webhooks            Authorization: Bearer devses_…
{"url": "https://example.rs/opendinar/webhooks", "events": ["ITEM.CONNECTION_REVOKED"]}

201 {"id": "wh_…", "url": "https://example.rs/opendinar/webhooks", "events": ["ITEM.CONNECTION_REVOKED"],
     "secret": "whsec_…", "created_at": "2026-04-04T10:30:00.000Z"}</pre>
<p>The <code>secret</code> is shown <strong>only in this response</strong> (we keep it encrypted); store it to verify signatures.
<code>events</code> is optional: omitted or empty means all events, including types added later. Known types:
${WEBHOOK_EVENT_TYPES.map((t) => `<code>${t}</code>`).join(', ')}; anything else is <code>INVALID_FIELD</code>.
<code>GET /developers/webhooks</code> lists your webhooks (never the secret); <code>DELETE /developers/webhooks/:id</code>
answers <code>{"id", "status": "deleted"}</code> and cancels deliveries still queued for it. You can have up to
${MAX_WEBHOOKS_PER_DEVELOPER} webhooks. Another developer's webhook id answers
<code>WEBHOOK_NOT_FOUND</code>.</p>
<p>The URL must be <code>https</code> on port 443 or 8443, without credentials (<code>user:pass@</code>); it is stored and shown
normalised (lower-case host, default port dropped, <code>..</code> resolved). It must not point to <code>localhost</code>,
<code>*.localhost</code>, <code>*.local</code>, <code>*.internal</code> or another internal name, nor to a loopback, private
(RFC 1918), link-local, carrier-grade NAT (100.64.0.0/10), multicast, broadcast, unspecified, documentation, benchmarking or
otherwise reserved address — in any spelling (<code>2130706433</code>, <code>0x7f000001</code>, <code>0177.0.0.1</code>,
<code>127.1</code>) and in IPv6 (<code>::1</code>, <code>fc00::/7</code>, <code>fe80::/10</code>, IPv4-mapped
<code>::ffff:127.0.0.1</code>, NAT64 <code>64:ff9b::/96</code> of a private address, <code>2001:db8::/32</code>). Such URLs
answer <code>400 INVALID_WEBHOOK_URL</code>. At delivery time the hostname is resolved again and <em>every</em> address it resolves
to is checked the same way; we connect to the address we checked, so a DNS change cannot point deliveries inside our network.
Self-hosted servers can set <code>OPENDINAR_WEBHOOK_ALLOW_PRIVATE=true</code> for local development (allows <code>http</code>,
any port and private targets).</p>

<h3>Events</h3>
<p>The body is the event as below plus <code>event_id</code> (unique per event; also in the <code>OpenDinar-Event-Id</code>
header) and <code>environment</code> (<code>sandbox</code> or <code>live</code>). <code>timestamp</code> is Unix seconds.</p>
<p><code>AUTH.AUTOMATICALLY_VERIFIED</code> — a user connected a bank through the Link widget (public token exchanged):</p>
<pre>${example('AUTH', 'AUTOMATICALLY_VERIFIED', { connection_id: 'conn_abc123', bank_id: 'raiffeisen', user_id: 'user_123' })}</pre>
<p><code>ITEM.CONNECTION_REVOKED</code> — a connection was revoked (by the user or via <code>DELETE /connections/:id</code>):</p>
<pre>${example('ITEM', 'CONNECTION_REVOKED', { connection_id: 'conn_abc123', bank_id: 'raiffeisen', user_id: 'user_123' })}</pre>
<p><code>ITEM.LOGIN_REQUIRED</code> — the bank's consent expired or was revoked at the bank: the connection is now
<code>reauth_required</code>; re-authorise it in update mode (see <a href="#live-banks">live banks</a>):</p>
<pre>${example('ITEM', 'LOGIN_REQUIRED', { connection_id: 'conn_abc123', bank_id: 'raiffeisen' })}</pre>
<p><code>ITEM.PENDING_EXPIRATION</code> — the consent ends in 7 days or less (sent once per consent):</p>
<pre>${example('ITEM', 'PENDING_EXPIRATION', { connection_id: 'conn_abc123', bank_id: 'raiffeisen', consent_expires_at: '2027-06-04T23:59:59.999Z' })}</pre>
<p><code>TRANSACTIONS.SYNC_UPDATES_AVAILABLE</code> — new transactions for an account (after <code>POST /accounts/:id/sync</code>
or when the bank reports new data); call <code>GET /accounts/:id/transactions?cursor=…</code> to fetch them:</p>
<pre>${example('TRANSACTIONS', 'SYNC_UPDATES_AVAILABLE', { account_id: 'acc_rai_001', bank_id: 'raiffeisen' })}</pre>
<p><code>WEBHOOK.TEST</code> — only from <code>POST /developers/webhooks/:id/test</code>, only to that webhook:</p>
<pre>${example('WEBHOOK', 'TEST', { webhook_id: 'wh_…' })}</pre>

<h3>Delivery and retries</h3>
<p>Each delivery is <code>POST &lt;your url&gt;</code> with headers <code>Content-Type: application/json</code>,
<code>User-Agent: OpenDinar-Webhooks/1.0</code>, <code>OpenDinar-Event-Id</code> and <code>OpenDinar-Signature</code>.
Answer any <code>2xx</code> within ${DEFAULT_TIMEOUT_MS / 1000} seconds to acknowledge it; do slow work after answering. Anything else
— another status, a timeout, a refused connection — is a failed attempt, and so is a redirect (<code>3xx</code>): redirects are
never followed, so register the final URL.</p>
<p>Failed attempts are retried with exponential backoff and full jitter: the wait after the <em>n</em>-th failure is random
between ${pretty(DEFAULT_BACKOFF.minDelayMs)} and a ceiling that starts at ${pretty(DEFAULT_BACKOFF.baseMs)} and doubles, capped at
${pretty(DEFAULT_BACKOFF.capMs)}. Retries continue for at least ${pretty(DEFAULT_BACKOFF.retryWindowMs)} after the event; the
first attempt made after that window that still fails marks the delivery <code>failed</code>.</p>
<table><thead><tr><th>failure</th><th>next attempt after</th><th>time since the event (worst case)</th></tr></thead>
<tbody>
${scheduleRows()}
<tr><td>…</td><td>up to ${pretty(DEFAULT_BACKOFF.capMs)}</td><td>until ${pretty(DEFAULT_BACKOFF.retryWindowMs)} have passed</td></tr>
</tbody></table>
<p>Events are written to an outbox in the same database transaction as the change that causes them, and delivered from there,
so nothing is lost when a server restarts. Delivery is <strong>at least once</strong> and not necessarily in order: de-duplicate
on <code>event_id</code>, and treat an event as a hint to fetch current state.</p>

<h3>Verifying signatures</h3>
<pre># Header format (same as Stripe)
OpenDinar-Signature: t=1743760200,v1=abc123...</pre>
<ol>
<li>Extract <code>t</code> (timestamp) and <code>v1</code> (signature) from the header.</li>
<li>Construct the signed string: <code>t + "." + raw_request_body</code>.</li>
<li>Compute HMAC-SHA256 of that string using your webhook secret (hex).</li>
<li>Compare your result to <code>v1</code> — reject if they don't match.</li>
<li>Reject if the timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS / 60} minutes old (prevents replay attacks).</li>
</ol>
<pre>// Node.js verification example
${esc(VERIFY_WEBHOOK_EXAMPLE)}</pre>
<p>We sign exactly the bytes we send, so verify the <strong>raw</strong> body as received — not a re-serialised object:
<code>JSON.stringify(JSON.parse(body))</code> may differ (number formatting such as <code>1650.00</code>, escapes, key order) and
then fails verification. In Express use <code>express.raw({ type: 'application/json' })</code> for the webhook route. For
production, also compare in constant time (<code>crypto.timingSafeEqual</code>) and apply the ${SIGNATURE_TOLERANCE_SECONDS / 60}-minute
window:</p>
<pre>${esc(`const { createHmac, timingSafeEqual } = require('crypto');
function verifyWebhookStrict(secret, rawBody, signatureHeader, toleranceSeconds = 300) {
  const parts = signatureHeader.split(',').map(p => p.split('='));
  const t = Number((parts.find(([k]) => k === 't') || [])[1]);
  if (!Number.isFinite(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(\`\${t}.\${rawBody}\`).digest();
  // Two v1 values during a secret rotation: accept either.
  return parts.filter(([k]) => k === 'v1').some(([, v]) => {
    const given = Buffer.from(v || '', 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}`)}</pre>

<h3 id="webhook-secret-rotation">Rotating the signing secret</h3>
<pre>POST /developers/webhooks/:id/rotate-secret        Authorization: Bearer devses_…
{"grace_hours": 24}

200 {"id": "wh_…", "url": "…", "events": […], "enabled": true, "created_at": "…",
     "secret": "whsec_…", "previous_secret_expires_at": "2026-04-05T10:30:00.000Z"}</pre>
<p>Gives the webhook a new signing secret, shown <strong>only in this response</strong> and kept encrypted like the first.
<code>grace_hours</code> is an integer from 0 to 168 (default 24; the body may be left out); anything else is
<code>400 INVALID_FIELD</code>. During the grace period every delivery is signed with <strong>both</strong> secrets, so the
header carries two <code>v1=</code> values — the <strong>new</strong> secret's first and the <strong>old</strong> secret's last:</p>
<pre>OpenDinar-Signature: t=1743760200,v1=&lt;hmac with the new secret&gt;,v1=&lt;hmac with the old secret&gt;</pre>
<p>The Node.js <code>verifyWebhook</code> above keeps the last <code>v1</code>, so it goes on verifying with the old secret until
you deploy the new one; a verifier that tries every <code>v1</code> (like <code>verifyWebhookStrict</code> and the SDK's
<code>verifyWebhook</code>) accepts either secret. Deploy the new secret before <code>previous_secret_expires_at</code>: from then on
only the new secret signs. <code>"grace_hours": 0</code> stops the old secret at once
(<code>previous_secret_expires_at</code> is <code>null</code>). Rotating again during a grace period replaces the old secret by the
one just replaced. Another developer's webhook id answers <code>404 WEBHOOK_NOT_FOUND</code>, like an unknown one. The request
accepts an <code>Idempotency-Key</code> (a retry gets the same new secret back, not a third one) and counts against the webhook
sends budget (see <a href="#rate-limits">rate limits</a>).</p>

<h3 id="webhook-disable">Disabling an endpoint</h3>
<p><code>PATCH /developers/webhooks/:id</code> with <code>{"enabled": false}</code> disables a webhook, <code>{"enabled": true}</code>
re-enables it; webhooks in answers and in <code>GET /developers/webhooks</code> carry <code>"enabled": true | false</code>. While a
webhook is disabled it receives nothing: deliveries it still had queued (waiting for a retry) are marked <code>failed</code> with
<code>last_error</code> <code>"webhook disabled"</code>, events that happen meanwhile are <strong>not queued</strong> for it at all (they
do not appear in its deliveries; they stay in <code>GET /developers/webhooks/events</code>), and a test send or re-send made
meanwhile ends <code>failed</code> with the same <code>last_error</code>, unsent. An attempt already in flight when you disable it
completes. Re-enabling resumes: events from then on are delivered as usual, and a delivery you want from the disabled period can
be sent again with the retry endpoint below.</p>

<h3>Seeing and replaying deliveries</h3>
<p><code>GET /developers/webhooks/:id/deliveries?limit=50</code> (1–100) lists recent deliveries newest first:
<code>{"deliveries": [{"id": "dlv_…", "event_id", "event_type", "status": "pending" | "succeeded" | "failed", "attempts",
"last_status_code", "last_error", "last_attempt_at", "next_attempt_at", "created_at"}]}</code>.
<code>POST /developers/webhooks/:id/test</code> queues a signed <code>WEBHOOK.TEST</code> event for that webhook and answers
<code>202 {"delivery_id", "event_id", "status": "pending"}</code>.
<code>POST /developers/webhooks/:id/deliveries/:delivery_id/retry</code> is "retry now". For a delivery that is
<code>pending</code> — waiting for its next automatic retry — it makes that attempt happen at once: the <strong>same</strong> delivery
(same <code>delivery_id</code>), its scheduled retry replaced, so it is attempted once, not twice (pressing it again before the
attempt changes nothing; if a dispatcher is attempting it at that moment, that attempt is the one). For a finished delivery
(<code>succeeded</code> or <code>failed</code>) it sends the event again as a new delivery with the same <code>event_id</code> and a
fresh retry schedule. Either way it answers <code>202 {"delivery_id", "event_id", "status": "pending"}</code>; an unknown delivery
is <code>DELIVERY_NOT_FOUND</code>.</p>
<p><code>GET /developers/webhooks/:id/deliveries/:delivery_id/attempts</code> lists every attempt of a delivery, oldest first:
<code>{"attempts": [{"attempted_at", "status_code", "error", "duration_ms", "response_body"}]}</code>: the receiver's HTTP status
(<code>null</code> when it did not answer), the latency in milliseconds until its status line arrived, why the attempt failed
(<code>null</code> on 2xx), and the first 2 KB of its answer's body — at most ${RESPONSE_BODY_MAX_BYTES} bytes, cut at a UTF-8
character boundary (invalid bytes and NUL read as U+FFFD), <code>null</code> when nothing was answered. Nothing beyond that is stored.
The body is whatever your server sent: treat it as untrusted text (the dashboard shows it escaped). <code>GET /developers/webhooks/events?limit=50</code>
lists your latest events with their payloads (<code>{"events": [{"id": "evt_…", "type", "environment", "payload", "created_at"}]}</code>).
<code>PATCH /developers/webhooks/:id</code> with <code>{"url"?, "events"?, "enabled"?}</code> changes where and what is delivered
(same URL rules as registering; the signing secret stays), or disables / re-enables it (above), and answers the webhook.</p>`,
};
