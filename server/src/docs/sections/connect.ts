import { LINK_TOKEN_TTL_SECONDS } from '../../connect/link-token.js';
import { PUBLIC_TOKEN_TTL_SECONDS, SESSION_TTL_SECONDS } from '../../connect/session.js';
import { TEST_USERS } from '../../sandbox/test-users.js';
import type { DocSection } from '../sections.js';

const minutes = (s: number): number => s / 60;

/** /docs#connect — the connection flow, link tokens, the sandbox bank page and revocation. */
export const connectSection: DocSection = {
  id: 'connect',
  title: 'Connecting a bank',
  html: `<p>A user connects a bank in three steps, as in Plaid or Stripe Connect:
<code>session_token</code> → <code>public_token</code> → <code>connection_id</code>.</p>
<ol>
<li><code>POST /connect {"bank_id","user_id","redirect_url"}</code> → <code>201 {"session_token":"sess_…","auth_url","expires_in":${SESSION_TTL_SECONDS},"status":"pending"}</code>.
The session lives ${minutes(SESSION_TTL_SECONDS)} minutes. Open <code>auth_url</code> (a popup or a redirect): that is the bank's authorization page.
<code>redirect_url</code> must be an absolute <strong>https</strong> URL — <code>http</code> only for <code>localhost</code>,
<code>127.0.0.1</code> and <code>[::1]</code> — without a user name or password (else <code>INVALID_FIELD</code>). With a
<strong>live</strong> key it must also match one of the key's registered <code>redirect_urls</code> (set with
<code>POST /developers/keys</code> or <code>PATCH /developers/keys/:id {"redirect_urls": [...]}</code>, listed with the key) on scheme,
host, port and path; the query and fragment are ignored and there are no wildcards.</li>
<li>Poll <code>GET /connect/status/:session_token</code>: <code>{"status":"pending"}</code> until the user decides, then
<code>{"status":"authorized","public_token":"public_…","expires_in":&lt;seconds left&gt;}</code> or <code>{"status":"denied"}</code>
(the user declined — start a new session to try again); after the exchange <code>{"status":"exchanged"}</code>.
An undecided session past its ${minutes(SESSION_TTL_SECONDS)} minutes answers <code>410 SESSION_EXPIRED</code>; an authorized one whose
token lapsed <code>410 PUBLIC_TOKEN_EXPIRED</code>.</li>
<li>On your backend, <code>POST /connect/exchange {"public_token"}</code> → <code>{"connection_id":"conn_…","bank_id","status":"active"}</code>.
The public token lives ${minutes(PUBLIC_TOKEN_TTL_SECONDS)} minutes and is exchanged at most once — even when several requests race on several
servers, exactly one succeeds and the rest get <code>410 PUBLIC_TOKEN_ALREADY_USED</code>. The exchange pulls the accounts (12+ months of history,
identity where the bank offers it) and fires <code>AUTH.AUTOMATICALLY_VERIFIED</code>. If it fails midway nothing is kept and the token still works.</li>
</ol>
<p>Errors: <code>MISSING_FIELDS</code>, <code>INVALID_FIELD</code>, <code>BANK_NOT_FOUND</code>, <code>BANK_NOT_AVAILABLE</code> (coming_soon banks; a live
key and a sandbox-only bank; a live bank not configured in <code>OPENDINAR_BANKS_CONFIG</code>), <code>SESSION_NOT_FOUND</code>, <code>SESSION_EXPIRED</code>,
<code>INVALID_PUBLIC_TOKEN</code>, <code>PUBLIC_TOKEN_EXPIRED</code>, <code>PUBLIC_TOKEN_ALREADY_USED</code>. Sessions, tokens and connections belong to the
key that started them: any other key gets the not-found code, exactly as if they did not exist. A sandbox key (<code>od_test_sk_</code>) connects live and
sandbox banks to the generated sandbox bank; a live key connects live banks only, through that bank's live connector.</p>

<h3 id="link-tokens">Keep your secret key out of the browser: link tokens</h3>
<p>The Link widget's quick start passes <code>apiKey</code> to the browser. That works with a sandbox key, but <strong>never ship a live secret key to a
browser</strong>. The recommended path:</p>
<ol>
<li>Your backend calls <code>POST /link/token {"user_id":"user_123"}</code> with the secret key →
<code>201 {"link_token":"link_…","expires_in":${LINK_TOKEN_TTL_SECONDS},"user_id":"user_123"}</code> (valid ${minutes(LINK_TOKEN_TTL_SECONDS)} minutes).</li>
<li>The browser uses <code>Authorization: Bearer link_…</code> for <code>POST /connect</code> and <code>GET /connect/status/:session_token</code> only.
<code>user_id</code> is taken from the link token (a different one in the body is ignored), and it only sees that user's sessions.</li>
<li>The browser hands the <code>public_token</code> to your backend, which calls <code>POST /connect/exchange</code> with the secret key.
A link token is refused there — and on every other endpoint — with <code>401 INVALID_API_KEY</code>.</li>
</ol>

<h3 id="sandbox-auth">The sandbox bank page</h3>
<p>In the sandbox, <code>auth_url</code> is <code>/sandbox/auth.html?session_token=sess_…</code>: a login page in the chosen bank's colours. Enter any
username and password and click <strong>Odobri pristup</strong> to approve, or <strong>Odbij</strong> to decline. Opened as a popup, the page tells its opener
with <code>postMessage({source:"opendinar", type:"sandbox_auth", status:"authorized"|"denied", session_token}, &lt;origin of redirect_url&gt;)</code> and
closes itself; otherwise it sends the user to <code>redirect_url</code> with <code>?status=authorized</code> or <code>?status=denied</code> appended. The
public token is never put in a URL or a message — read it from <code>GET /connect/status</code>. Unknown, expired or already decided sessions get a plain
HTML notice. The page runs under a strict Content-Security-Policy (no inline script or style). It is in Serbian, or in English with
<code>&amp;lang=en</code> (the widget adds it when its <code>language</code> is <code>'en'</code>).</p>
<h3 id="sandbox-test-users">Sandbox test users</h3>
<p>The username typed on the sandbox bank page (any password) picks how the bank behaves, so you can rehearse each case your app must
handle. Every failure takes the same path, codes and webhooks as on a live bank. The page's hint lists them too.</p>
<table><thead><tr><th>Username</th><th>What happens</th></tr></thead><tbody>
${TEST_USERS.map((u) => `<tr><td><code>${u.username}</code></td><td>${u.doc.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</td></tr>`).join('\n')}
</tbody></table>
<p>In automated tests, send the username with <code>POST /sandbox/authorize {"session_token", "username": "user_locked"}</code>.</p>
<p>For automated tests, skip the page: <code>POST /sandbox/authorize {"session_token"}</code> → <code>{"status":"authorized","public_token","expires_in"}</code>
approves (calling it again returns the same token while valid), and <code>POST /sandbox/deny {"session_token"}</code> → <code>{"status":"denied"}</code>
declines. Both are public, work on sandbox sessions only, and answer <code>SESSION_NOT_FOUND</code>, <code>SESSION_EXPIRED</code>, or
<code>409 SESSION_ALREADY_COMPLETED</code> once the user has decided the other way.</p>
<pre>curl -X POST $BASE/connect -H "Authorization: Bearer od_test_sk_9x2mABC123sandbox" -H "Content-Type: application/json" \\
  -d '{"bank_id":"raiffeisen","user_id":"user_123","redirect_url":"https://example.com/done"}'
curl -X POST $BASE/sandbox/authorize -H "Content-Type: application/json" -d '{"session_token":"sess_…"}'
curl -X POST $BASE/connect/exchange -H "Authorization: Bearer od_test_sk_9x2mABC123sandbox" -H "Content-Type: application/json" \\
  -d '{"public_token":"public_…"}'</pre>

<h3 id="connections">Connections and revocation</h3>
<p><code>GET /connections</code> → <code>{"connections":[{"connection_id","bank_id","bank_name","user_id","status":"active"|"revoked","created_at","revoked_at"}]}</code>,
this key's only, newest first. <code>DELETE /connections/:id</code> → <code>{"connection_id","status":"revoked"}</code> revokes it for good (GDPR
"right to be forgotten"). It answers at once, however large the accounts: from that moment its accounts answer <code>ACCOUNT_NOT_FOUND</code> on every
endpoint and server and are gone from <code>GET /accounts</code>, the identity and the bank grant are deleted, the bank is told, and
<code>ITEM.CONNECTION_REVOKED</code> fires. The accounts, balances, transactions and change history are then deleted by a background job in short steps
(moments for an ordinary connection, a few minutes for a million transactions; resumed after a restart) — nothing of them can be read meanwhile. The
connection stays listed as revoked with <code>revoked_at</code>. Revoking again → <code>409 CONNECTION_ALREADY_REVOKED</code>; unknown or another key's → <code>404 CONNECTION_NOT_FOUND</code>.
To reconnect, the user goes through the flow again.</p>`,
};
