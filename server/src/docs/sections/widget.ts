import type { DocSection } from '../sections.js';

/** The Link widget's JavaScript API, with a quickstart using a link token. */
export const widgetSection: DocSection = {
  id: 'link-widget',
  title: 'Link widget: JavaScript API',
  html: `<h3>Quickstart (link token: no secret in the page)</h3>
<ol>
<li>Your backend creates a link token with its secret key:
<pre>curl -X POST https://api.opendinar.com/link/token \\
  -H "Authorization: Bearer $OPENDINAR_SECRET_KEY" \\
  -H 'Content-Type: application/json' \\
  -d '{"user_id": "user_123"}'
→ {"link_token": "link_…", "expires_in": 1800}</pre></li>
<li>Your page loads the widget and opens it with that token:
<pre>&lt;script src="https://api.opendinar.com/v1/opendinar.js"&gt;&lt;/script&gt;
&lt;script&gt;
  const handler = OpenDinar.create({
    linkToken: 'link_…',            // from your backend
    language: 'sr',                 // 'sr' (default) or 'en'
    onSuccess: (publicToken, meta) =&gt; {
      // meta = {bank_id, bank_name, status: 'authorized'}: send publicToken to your backend
    },
    onExit: (error) =&gt; {
      // closed without connecting; error = null, or {error_code, display_message} if the flow failed
    },
  });
  document.getElementById('connect-btn').onclick = () =&gt; handler.open();
&lt;/script&gt;</pre></li>
<li>Your backend exchanges the public token: <code>POST /connect/exchange {"public_token"}</code> →
<code>{"connection_id", "bank_id", "status": "active"}</code>. Keep <code>connection_id</code>; read data with
<code>GET /accounts</code> and <code>GET /accounts/:id/transactions</code>.</li>
</ol>

<h3>API</h3>
<dl>
<dt><code>OpenDinar.create(config)</code></dt>
<dd>Returns a handler <code>{open(), close()}</code>. Throws a <code>TypeError</code> without <code>linkToken</code> or <code>apiKey</code>.
The script needs no other setup: it talks to the server it was loaded from (override with <code>apiBaseUrl</code>).</dd>
<dt><code>config.linkToken</code></dt>
<dd>A <code>link_…</code> token from <code>POST /link/token</code> (30 minutes; usable only to start and follow a connection).
Recommended: nothing secret is in the page. It names its user, so <code>userId</code> is not needed.</dd>
<dt><code>config.apiKey</code>, <code>config.userId</code></dt>
<dd>The docs' original form: a sandbox key and your user's id in the page. Works, but anyone can read a key in a page; a live key
logs a warning. Prefer <code>linkToken</code>.</dd>
<dt><code>config.language</code></dt>
<dd><code>'sr'</code> (Serbian, Latin script; default) or <code>'en'</code>. The sandbox bank page follows it.</dd>
<dt><code>handler.open()</code> / <code>handler.close()</code></dt>
<dd>Opens the dialog (bank list → bank login in a popup, or the same tab when popups are blocked, resuming on return → waiting
for approval) and closes it. Escape and the × button close it too.</dd>
<dt><code>config.onSuccess(publicToken, meta)</code></dt>
<dd>Called once when the bank approved access: <code>publicToken</code> (<code>public_…</code>, valid 5 minutes, exchanged once) and
<code>meta = {bank_id, bank_name, status: "authorized"}</code>.</dd>
<dt><code>config.onExit(error)</code></dt>
<dd>Called when the dialog closes without a connection. <code>error</code> is <code>null</code> when the user just closed it, or
<code>{error_code, error_message, display_message}</code> when the flow failed: <code>INVALID_API_KEY</code> / <code>REVOKED_API_KEY</code> (a bad,
revoked or expired key or link token — checked with <code>GET /connect/check</code> as soon as the widget opens, before the user picks a bank),
<code>DENIED</code> (the user refused at the bank), <code>ITEM_LOCKED</code> (the account is locked at the bank), <code>SESSION_EXPIRED</code>,
<code>NETWORK</code>, or another API error code. <code>error_message</code> is the API's explanation for you (English);
the end user sees only <code>display_message</code>, a plain sentence in the widget's language — never a code.</dd>
</dl>
<h3>Events, in order</h3>
<p>Open → bank chosen (<code>POST /connect</code>, with the link token) → bank page → status polled
(<code>GET /connect/status/:session_token</code>) → <code>onSuccess</code>, or <code>onExit(error)</code>. The widget renders in a
shadow root, works under a strict Content-Security-Policy and is keyboard- and screen-reader accessible.</p>`,
};
