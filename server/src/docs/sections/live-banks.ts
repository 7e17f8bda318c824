import type { DocSection } from '../sections.js';

/** /docs#live-banks — live banks over Berlin Group XS2A, the callback, the consent lifecycle and update mode. */
export const liveBanksSection: DocSection = {
  id: 'live-banks',
  title: 'Live banks, consents and update mode',
  html: `<p>A live key (<code>od_live_sk_…</code>) connects banks through their PSD2 interface, the Berlin Group
NextGenPSD2 XS2A API (1.3.x, account information, redirect SCA). The flow is the one above, unchanged for your code and for
the Link widget: <code>POST /connect</code> creates a consent at the bank and answers the bank's own SCA page as
<code>auth_url</code>. After the user approves there, the bank sends them to <code>GET /connect/callback?state=…</code>
(OpenDinar's, given to the bank as the redirect target), which checks the consent and answers <code>302</code> to your
<code>redirect_url</code> with <code>status=authorized</code>, <code>denied</code> or <code>pending</code> appended. If the user never comes
back that way, <code>GET /connect/status/:session_token</code> asks the bank for the consent's status while the session is pending,
so polling alone is enough. The exchange then imports the accounts, the balances as the bank reports them, the holder's
name where the bank gives it (identity) and the history the bank allows (90 days for unattended reads).</p>
<p><b>Consents.</b> Connections carry <code>consent_expires_at</code> (null in the sandbox — except for the test user <code>user_consent_expiring</code>, one minute, to rehearse expiry; banks cap consents at 180 days)
and <code>last_refreshed_at</code> (last successful pull). 7 days before the end <code>ITEM.PENDING_EXPIRATION</code> fires; when the
consent expires or the user revokes it at the bank the connection becomes <code>status: "reauth_required"</code> and
<code>ITEM.LOGIN_REQUIRED</code> fires. Reads (accounts, balances, transactions, sync) keep serving the data already held;
<code>POST /accounts/:id/sync</code> answers <code>400 ITEM_LOGIN_REQUIRED</code> until the user re-authorises.</p>
<p><b>Update mode.</b> Re-authorise the same connection with <code>POST /link/token {"user_id","connection_id"}</code> (the widget
then runs unchanged with that link token) or <code>POST /connect {…,"connection_id"}</code> (its <code>bank_id</code> must be the
connection's, else <code>INVALID_FIELD</code>). The exchange returns the <b>same</b> <code>connection_id</code>; account and transaction ids
are kept, and your sync cursors stay valid.</p>
<p><b>Refreshes and the bank's budget.</b> A bank allows 4 unattended reads a day per consent. Scheduled refreshes are spaced to fit
(every 6 hours where one read covers booked and pending transactions, every 12 where the bank needs two). When your user is present,
send <code>POST /accounts/:id/sync {"user_ip":"203.0.113.7"}</code>: it is forwarded as <code>PSU-IP-Address</code> and does not count.
A used-up budget answers <code>429 BANK_ACCESS_LIMIT</code> and a bank that does not answer (after retries with backoff)
<code>503 BANK_UNAVAILABLE</code>, both with <code>Retry-After</code>; nothing is half-written. Pending transactions that post under a new
bank id are matched (amount, dates, counterparty / text) and appear in sync as one <code>removed</code> plus one <code>added</code> carrying
<code>pending_transaction_id</code>. Revoking a connection also deletes the consent at the bank.</p>
<p><b>Configuration.</b> <code>OPENDINAR_BANKS_CONFIG</code> names a JSON file, bank id → XS2A endpoint:</p>
<pre>{"raiffeisen": {"baseUrl": "https://xs2a.bank.example/raiffeisen", "xs2aVersion": "1.3.11", "profile": "raiffeisen",
                "tls": {"cert": "qwac.pem", "key": "qwac.key", "ca": "bank-ca.pem"}, "timeoutMs": 10000, "consentDays": 180}}</pre>
<p><code>profile</code> (raiffeisen, erste, aik, standard) selects known quirks; <code>tls</code> paths (relative to the file) give the
client certificate (QWAC) for mTLS. Without the variable, live banks answer <code>BANK_NOT_AVAILABLE</code>. The repository's
<code>bank-sim/</code> is a local XS2A bank: <code>npm run bank-sim</code>, then
<code>OPENDINAR_BANKS_CONFIG=bank-sim/banks.local.json npm start</code>.</p>`,
};
