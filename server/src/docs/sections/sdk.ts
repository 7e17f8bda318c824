import type { DocSection } from '../sections.js';

/** The SDK, the CLI and the OpenAPI document (sdk/ workspace, src/docs/operations.ts). */
export const sdkSection: DocSection = {
  id: 'sdk',
  title: 'Node.js SDK, CLI and OpenAPI',
  html: `<p><code>GET /openapi.json</code> is an OpenAPI 3.1 document generated from the running server: every operation has
a stable <code>operationId</code>, declares every error status it can answer (all with the one <code>Error</code> schema, its
<code>error_code</code> listing that operation's codes), the <code>X-Request-Id</code>, <code>Retry-After</code> and rate-limit
headers, and every webhook event under <code>webhooks</code>. CI lints it with Redocly and validates every answer of the test
suite against it. Interactive reference: <a href="/docs/reference">/docs/reference</a>.</p>

<h3>@opendinar/node</h3>
<p>Typed client generated from that document at build time; no runtime dependency, Node 20+ (built-in <code>fetch</code>),
ESM and CommonJS. One method per operation, named by its <code>operationId</code>:</p>
<pre>import { OpenDinar, OpenDinarError } from '@opendinar/node';

const od = new OpenDinar({ apiKey: process.env.OPENDINAR_KEY, baseUrl: 'https://api.opendinar.rs' });
const { accounts } = await od.listAccounts();
try {
  await od.getBalance({ path: { id: 'acc_nope' } });
} catch (err) {
  if (err instanceof OpenDinarError) console.log(err.status, err.error_code, err.request_id, err.docs);
}

// Every transaction, page by page
for await (const tx of od.transactions.list(accounts[0].id, { from: '2026-01-01' })) console.log(tx.amount);

// Cursor sync into your own store; save the cursor once a page is done
const sync = od.transactions.sync(accountId, savedCursor);
for await (const change of sync) {
  if (change.type === 'removed') db.delete(change.id); else db.upsert(change.transaction);
  if (change.pageEnd) saveCursor(change.cursor);
}</pre>
<p>GET requests (and any call given an <code>idempotencyKey</code>) are retried on 429, 5xx and network errors with
exponential backoff and jitter, waiting <code>Retry-After</code> when the server sends it (<code>maxRetries</code>, default 2).
Errors are <code>OpenDinarError</code> with <code>status</code>, <code>error_type</code>, <code>error_code</code>,
<code>error_message</code>, <code>request_id</code> and <code>docs</code>.</p>
<p>Webhooks: pass the <em>raw</em> body —
<code>const event = verifyWebhook({ payload: rawBody, signature: req.headers['opendinar-signature'], secret })</code> —
it checks the HMAC in constant time, accepts either <code>v1</code> during a secret rotation, rejects timestamps more than
300 seconds away (<code>toleranceSeconds</code>), and returns the typed event or throws <code>WebhookSignatureError</code>.</p>

<h3>@opendinar/react</h3>
<pre>const { open, ready, error } = useOpenDinarLink({
  linkToken,                                   // from your backend's POST /link/token
  onSuccess: (publicToken, meta) => exchangeOnBackend(publicToken),
  onExit: () => {},
  language: 'en',
  apiBaseUrl: 'https://api.opendinar.rs',      // loads /v1/opendinar.js from here, once
});
return &lt;button disabled={!ready} onClick={open}&gt;Connect a bank&lt;/button&gt;;</pre>

<h3>The opendinar CLI</h3>
<pre>npx opendinar login --email you@example.rs          # session stored in ~/.config/opendinar/config.json (0600)
npx opendinar keys list | keys create --name app --environment sandbox | keys revoke key_…
npx opendinar listen --forward-to http://localhost:4000/webhooks
npx opendinar trigger TRANSACTIONS.SYNC_UPDATES_AVAILABLE --account acc_…</pre>
<p><code>listen</code> opens <code>GET /developers/events/stream</code> (Server-Sent Events, developer session): an
<code>event: ready</code>, then one <code>event: webhook</code> per event created for you, whose <code>data</code> is the exact
webhook body. The CLI POSTs each to your local URL signed in <code>OpenDinar-Signature</code> with the listen secret it
prints (verify with it exactly as with your webhook's <code>whsec_</code> secret) and shows each delivery's status.
<code>POST /developers/events/trigger {"event", "account_id"?}</code> fires a sandbox event to your webhooks and open
streams (<code>account_id</code> must be one of your sandbox accounts, else <code>ACCOUNT_NOT_FOUND</code>).</p>`,
};
