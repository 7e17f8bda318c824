import { PUBLIC_RATE_LIMITS } from '../../developers/routes.js';
import { SESSION_TTL_MS } from '../../developers/store.js';
import { LOGIN_THROTTLE } from '../../developers/throttle.js';
import { RECENT_ERRORS_LIMIT } from '../../usage/routes.js';
import type { DocSection } from '../sections.js';

const minutes = (ms: number) => Math.round(ms / 60_000);

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

<h3>Login throttling</h3>
<ul>
<li>At most <strong>${LOGIN_THROTTLE.perEmail.max} failed logins per email</strong> in ${minutes(LOGIN_THROTTLE.perEmail.windowMs)} minutes and
<strong>${LOGIN_THROTTLE.perIp.max} per client IP</strong> in ${minutes(LOGIN_THROTTLE.perIp.windowMs)} minutes. The window opens at the first failure;
further attempts answer <code>429 RATE_LIMIT_EXCEEDED</code> with a <code>Retry-After</code> header (seconds until the window closes) —
also for emails that are not registered. A stranger's guesses cannot lock you out: while an email is over its limit, the
<strong>right password from an address that signed in to that account before</strong> (within 90 days) still signs in; every other attempt
on it, right or wrong, gets the same 429. A successful login clears the email's count.
The counts and known addresses are kept in the database, so they hold across all server instances.</li>
<li>Independently, each IP may call <code>POST /developers/register</code> ${PUBLIC_RATE_LIMITS.register.max} times per
${minutes(PUBLIC_RATE_LIMITS.register.timeWindow)} minutes and <code>POST /developers/login</code> ${PUBLIC_RATE_LIMITS.login.max} times per
${minutes(PUBLIC_RATE_LIMITS.login.timeWindow)} minute (per server instance), answered the same way.</li>
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

<h3>Usage</h3>
<p>Every request made with one of your keys is counted: its route pattern (<code>GET /accounts/:id/transactions</code>, not the
raw URL), status, error code, request id, key and time. Requests refused because the key was revoked count too; requests to a
path that does not exist count under <code>"&lt;METHOD&gt; (unmatched route)"</code>; unknown keys count for nobody.
<code>last_used_at</code> moves only when a key was accepted. Counts are written in batches, so a request shows up within about a second.</p>
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
