import { SESSION_TTL_MS } from '../../developers/store.js';
import { STREAK_RESET_MS } from '../../developers/throttle.js';
import { LOGIN_THROTTLE_ENV, LOGIN_THROTTLE_DEFAULTS as T } from '../../developers/throttle-config.js';
import { RATE_LIMIT_DEFAULTS, RATE_LIMIT_ENV } from '../../ratelimit/config.js';
import { RECENT_ERRORS_LIMIT } from '../../usage/routes.js';
import type { DocSection } from '../sections.js';

const env = (k: keyof typeof LOGIN_THROTTLE_ENV) => `<code>${LOGIN_THROTTLE_ENV[k][0]}</code>`;

/** Developer portal: accounts, sessions, keys, usage. Numbers come from the code that enforces them. */
export const developersSection: DocSection = {
  id: 'developer-portal',
  title: 'Developer portal: accounts, keys and usage',
  html: `<h3>Account and sessions</h3>
<p><code>POST /developers/register</code> with <code>{"email", "password", "name"}</code> creates your account and answers
<code>201</code> with your profile, a session token and a first <strong>sandbox key</strong> (all three scopes) — the only time
that key is shown in full. Emails are trimmed and compared case-insensitively (<code>EMAIL_TAKEN</code> if already registered,
<code>INVALID_EMAIL</code> if malformed); passwords need at least 8 characters (<code>PASSWORD_TOO_SHORT</code>, at most 1024) and must not be on a bundled list of the most
common passwords or one repeated character or digit run (<code>WEAK_PASSWORD</code>).
Passwords are stored only as salted scrypt hashes.</p>
<pre>POST /developers/register
{"email": "ana@example.rs", "password": "a long passphrase", "name": "Ana"}
→ 201 {"developer": {"id": "dev_…", "email": "ana@example.rs", "name": "Ana", "created_at": "…"},
       "session_token": "devses_…", "expires_at": "…",
       "api_key": {"id": "key_…", "key": "od_test_sk_…", "app_name": "Ana", "environment": "sandbox", …}}</pre>
<p><code>POST /developers/login</code> with <code>{"email", "password"}</code> returns <code>{"session_token": "devses_…", "expires_at"}</code>.
A session lasts <strong>${SESSION_TTL_MS / 3_600_000} hours</strong>; after that every call answers <code>EXPIRED_DEV_TOKEN</code> and you log in
again. <code>POST /developers/logout</code> ends the session at once (<code>INVALID_DEV_TOKEN</code> afterwards); other sessions stay valid.
<code>GET /developers/me</code> returns your profile. Send the token as <code>Authorization: Bearer devses_…</code>.
A wrong email and a wrong password answer the same <code>401 INVALID_CREDENTIALS</code>.</p>

<h3 id="account-management">Password, sign-out everywhere, deleting the account</h3>
<ul>
<li><code>POST /developers/password</code> with <code>{"current_password", "new_password"}</code> changes the password
(<code>INVALID_CREDENTIALS</code> if the current one is wrong, <code>PASSWORD_TOO_SHORT</code>); every <em>other</em> session ends at once
→ <code>{"status": "changed", "sessions_revoked": n}</code>.</li>
<li><code>POST /developers/password/forgot</code> with <code>{"email"}</code> always answers <code>202 {"status": "sent"}</code> — registered
or not, so it reveals nothing — and e-mails a one-use link to <code>/dashboard/reset#token=pwreset_…</code>, valid for one hour
(only the token's SHA-256 is stored). <code>POST /developers/password/reset</code> with <code>{"token", "new_password"}</code> sets the
password and ends every session (<code>INVALID_RESET_TOKEN</code> if the token is unknown, used or expired). E-mail goes through a
pluggable mailer; the built-in one sends nothing and, in development (<code>OPENDINAR_MAIL_LOG_LINKS</code>, on unless
<code>NODE_ENV=production</code>), logs the link — otherwise it never logs a token.</li>
<li><code>POST /developers/logout-all</code> ends every session of yours, this one included.</li>
<li><code>DELETE /developers/me</code> with <code>{"password"}</code> deletes the account with all its keys, connections, accounts,
transactions, webhooks, usage and request log, at once and for good.</li>
</ul>

<h3>Login throttling</h3>
<ul>
<li><strong>Progressive delays.</strong> Failed logins are counted in a row per email and per client IP. The first
<strong>${T.freeFailuresPerEmail} failures for an email</strong> (${T.freeFailuresPerIp} for an IP, across emails) cost nothing; after that each
failure makes the next attempt wait <strong>${T.firstDelaySeconds} s, then ${2 * T.firstDelaySeconds} s, ${4 * T.firstDelaySeconds} s …</strong> doubling up to
<strong>${T.maxDelaySeconds / 60} minutes</strong>. An attempt that comes earlier answers <code>429 RATE_LIMIT_EXCEEDED</code> at once with a
<code>Retry-After</code> header (seconds until the next attempt is allowed) and is not counted — also for emails that are not
registered. A successful login ends the email's streak; a streak also ends after ${STREAK_RESET_MS / 3_600_000} hours without attempts.</li>
<li>A stranger's guesses cannot lock you out: while an email must wait, the <strong>right password from an address that signed in to
that account before</strong> (within ${T.knownLoginDays} days) still signs in; every other attempt on it, right or wrong, gets the same 429.
(An IP's own delay is not lifted this way: it is the guessing address's.)
Remembered addresses are deleted ${T.knownLoginDays} days after their last sign-in. The counts, delays and addresses are kept in the
database (addresses and emails only as SHA-256 hashes), so they hold across all server instances.
Operators set ${env('freeFailuresPerEmail')}, ${env('freeFailuresPerIp')}, ${env('firstDelaySeconds')},
${env('maxDelaySeconds')} and ${env('knownLoginDays')}.</li>
<li>Independently, each IP may call <code>POST /developers/register</code> ${RATE_LIMIT_DEFAULTS.registerPerIpPerHour} times per hour and
<code>POST /developers/login</code> (and each of <code>/developers/password/forgot</code> and <code>/reset</code>)
${RATE_LIMIT_DEFAULTS.loginPerIpPerMinute} times per minute, counted once across all server instances and answered the same way
(<code>${RATE_LIMIT_ENV.registerPerIpPerHour}</code>, <code>${RATE_LIMIT_ENV.loginPerIpPerMinute}</code>; see Rate limits).</li>
</ul>

<h3>API keys</h3>
<p><code>POST /developers/keys</code> with <code>{"app_name", "environment": "sandbox" | "live", "scopes"?}</code> answers <code>201</code> with
the key's fields plus <code>key</code> — <code>od_test_sk_…</code> for sandbox, <code>od_live_sk_…</code> for live, followed by 32 random
characters. <strong>Store it now: it is never shown again</strong>; we keep only its SHA-256 hash. <code>scopes</code> is a non-empty
list of <code>accounts:read</code>, <code>balance:read</code>, <code>transactions:read</code> (default: all three; anything else is
<code>INVALID_FIELD</code>). <code>GET /developers/keys</code> lists <code>{id, prefix, app_name, environment, status, scopes, created_at,
last_used_at, redirect_urls}</code> — the prefix (e.g. <code>od_test_sk_9x2m</code>) identifies a key without revealing it.
<code>redirect_urls</code> (at most 20 https URLs; http only for localhost) may be given at creation and replaced with
<code>PATCH /developers/keys/:id {"redirect_urls": [...]}</code>; a live key's <code>POST /connect</code> must use one of them (see Connect).
Key creation is rate-limited and the number of active keys per account is capped (<code>KEY_LIMIT_REACHED</code>; see Rate limits).
<code>DELETE /developers/keys/:id</code> revokes a key: from the next request on, on every server, it answers
<code>401 REVOKED_API_KEY</code>. Keys that are not yours answer <code>KEY_NOT_FOUND</code>.</p>

<h3 id="rolling-keys">Rolling a key (replacing a leaked or old secret)</h3>
<p>Your data belongs to the <strong>key id</strong> (the app), not to one secret. <code>POST /developers/keys/:id/roll</code> with
<code>{"expires_in_hours": 0–168}</code> (default <code>0</code>) gives the same key id a new secret and answers <code>200</code> with the key's
fields plus <code>key</code> (the new secret, shown only here), <code>previous_prefix</code> and <code>previous_expires_at</code>. Every
connection, account, sync cursor, webhook and usage row stays: no end user reconnects a bank. The old secret keeps working until
<code>previous_expires_at</code> (with <code>0</code>, it stops at once), then answers <code>401 REVOKED_API_KEY</code> on every endpoint
and every server process at the same moment — the state is in the database. While the old secret overlaps,
<code>GET /developers/keys</code> shows its <code>previous_prefix</code> and <code>previous_expires_at</code> beside the new <code>prefix</code>.
Both secrets are stored only as SHA-256 hashes. Revoking the key stops both secrets at once. Rolling a key that is not yours or is
revoked answers <code>KEY_NOT_FOUND</code>; hours outside 0–168 answer <code>INVALID_FIELD</code>.</p>
<pre>POST /developers/keys/key_…/roll
{"expires_in_hours": 24}
→ 200 {"id": "key_…", "key": "od_test_sk_…", "prefix": "od_test_sk_Q7pz", "app_name": "Mani App", "environment": "sandbox",
       "status": "active", "scopes": […], "created_at": "…", "last_used_at": "…",
       "previous_prefix": "od_test_sk_9x2m", "previous_expires_at": "2026-04-05T10:30:00.000Z"}</pre>
<p>Deploy the new secret, check in the dashboard's usage that the old prefix gets no more traffic, and let the overlap end
(or roll again with <code>0</code> to end it now). Another key, app or developer never sees the data: its answers are
byte-identical to those for an id that does not exist.</p>

<h3 id="request-log">Request log</h3>
<p><code>GET /developers/logs</code> lists every API request of your apps over the last <strong>7 days</strong>
(<code>OPENDINAR_REQUEST_LOG_DAYS</code>), newest first: <code>{id, request_id, method, path, endpoint, status, error_code,
error_body, latency_ms, key_id, key_prefix, at}</code>. <code>error_body</code> is the full error body that was sent (the same
<code>request_id</code> your client saw in <code>X-Request-Id</code>); successful responses' bodies are never stored, so no bank data
is kept. Filters: <code>key_id</code>, <code>status</code> (<code>404</code> or a class such as <code>4xx</code>), <code>route</code>
(a pattern from the answer's <code>routes</code>, e.g. <code>GET /accounts/:id/balance</code>), <code>from</code>/<code>to</code>
(dates or instants), <code>limit</code> (1–100) and <code>before</code> (the previous page's <code>next_before</code>).
<code>GET /developers/logs/:request_id</code> returns one request (<code>REQUEST_NOT_FOUND</code> if it is not yours or older than
the window). Entries are written in the usage recorder's batches, off the request path, and show up within about a second;
<code>key_prefix</code> is the prefix of the secret (or <code>link_</code> token) used, so after a roll you can see which secret
still gets traffic; it is <code>null</code> for the dashboard's own calls.</p>

<h3 id="dashboard-app-calls">The dashboard's calls for an app</h3>
<p>The dashboard's explorer and "try the widget" page act on one of your sandbox apps by key id, through your developer session:
<code>GET|POST|DELETE /developers/keys/:id/api/&lt;banking path&gt;</code> (connections, accounts, balance, identity, transactions,
recurring, sync, <code>link/token</code>, <code>connect/exchange</code>, <code>sandbox/connections</code>) runs that banking request in the
server as the key, with the same validation, scoping and errors, and logs it like any other. The browser never holds a secret key.
Live keys answer <code>NOT_SANDBOX_KEY</code>; another developer's or a revoked key <code>KEY_NOT_FOUND</code>.</p>

<h3>Usage</h3>
<p>Every request made with one of your keys is counted: its route pattern (<code>GET /accounts/:id/transactions</code>, not the
raw URL), status, error code, request id, key and time. Requests refused because the key was revoked count too; requests to a
path that does not exist count under <code>"&lt;METHOD&gt; (unmatched route)"</code>; unknown keys count for nobody.
<code>last_used_at</code> moves only when a key was accepted. Counts are written in batches, so a request shows up within about a second.
A server stopped normally (<code>SIGTERM</code>, a deploy) writes every waiting request before it exits; a process killed outright
(<code>kill -9</code>, a crash, power loss) can lose the requests of its last flush — at most the last half second, and at most 500
requests — from usage and the request log alike.</p>
<pre>GET /developers/usage?from=2026-04-01&amp;to=2026-04-30&amp;key_id=key_…&amp;granularity=day
→ {"total_requests": 1520, "error_rate": 0.0125, "billable_requests": 900,
   "by_endpoint": [{"endpoint": "GET /accounts", "requests": 800, "errors": 2}, …],
   "recent_errors": [{"request_id": "…", "endpoint": "GET /accounts/:id/balance", "error_code": "ACCOUNT_NOT_FOUND", "status": 404, "at": "…"}],
   "time_series": [{"bucket": "2026-04-01", "requests": 51, "errors": 0}, …]}</pre>
<ul>
<li><code>from</code> / <code>to</code> (optional, inclusive): a date <code>YYYY-MM-DD</code> (the whole UTC day) or an ISO-8601 instant with
an offset; <code>from</code> after <code>to</code> or anything else is <code>INVALID_FIELD</code>. Usage is kept for 90 days by default
(see <a href="#retention">Data retention</a>), so a range reaching further back counts only the retained requests.</li>
<li><code>key_id</code> (optional): only that key's requests (<code>KEY_NOT_FOUND</code> if it is not yours).</li>
<li><code>error_rate</code> is failed (HTTP ≥ 400) / total, rounded to 4 decimals; <code>billable_requests</code> are successful (2xx) requests
made with <strong>live</strong> keys — sandbox traffic is never billed.</li>
<li><code>recent_errors</code>: the latest ${RECENT_ERRORS_LIMIT} failed requests, newest first, with the <code>request_id</code> your client received
in <code>X-Request-Id</code>.</li>
<li><code>time_series</code>: requests and errors per UTC <code>hour</code> (bucket <code>2026-04-04T10:00:00.000Z</code>) or
<code>day</code> (bucket <code>2026-04-04</code>, the default) chosen by <code>granularity</code>; periods without requests are omitted.</li>
</ul>`,
};
