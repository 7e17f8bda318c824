import { MAX_CUSTOM_TRANSACTIONS } from '../../sandbox/custom-connections.js';
import type { DocSection } from '../sections.js';

/** /docs#sync — cursor sync, force refresh, recurring streams and custom sandbox data. */
export const syncSection: DocSection = {
  id: 'sync',
  title: 'Transactions: cursor sync, force refresh, recurring',
  html: `<h3 id="cursor-sync">Cursor-based sync</h3>
<p><code>GET /accounts/:id/transactions?cursor=</code> switches to sync mode whenever <code>cursor</code> is present, even empty.
An empty cursor starts a full sync: the whole history arrives in <code>added</code>, <code>limit</code> transactions per page
(default 100, at most 500). The list-mode filters (<code>from</code>, <code>to</code>, <code>category</code>, <code>offset</code>) are refused
with <code>INVALID_FIELD</code> in sync mode: a mirror needs every change. Keep calling with <code>next_cursor</code> while <code>has_more</code> is <code>true</code>; after that, each call with
the latest <code>next_cursor</code> returns only what changed since:</p>
<pre>{"sync_status":"HISTORICAL_UPDATE_COMPLETE",
 "added":[ /* new transactions */ ], "modified":[ /* changed ones, full new version */ ], "removed":[{"id":"txn_…"}],
 "next_cursor":"MXxhY2NfcmFp…", "has_more":false}</pre>
<ul>
<li><b>Cursors are opaque.</b> The docs' example shows <code>"next_cursor": "txn_rai_014"</code>; real cursors are signed base64url strings
naming a position in the account's change log. Store the latest one per account and send it back unchanged. A cursor works only for the
account it was issued for; a forged, altered, foreign or unknown cursor answers <code>400 INVALID_CURSOR</code> — start again with
<code>?cursor=</code>. Cursors hold no server state: they survive restarts and work on every server behind a load balancer, and sending an
older cursor again simply replays from that position.</li>
<li><b><code>sync_status</code></b> is <code>HISTORICAL_UPDATE_IN_PROGRESS</code> on the pages of the first (full) sync that still have more
after them, and <code>HISTORICAL_UPDATE_COMPLETE</code> once the history has been delivered — on the last page of the first sync and on
every later call.</li>
<li><b>Exactly once, in order.</b> Paging is by position in the change log, so new data arriving while you page is never skipped or
repeated: it comes on a later page. Within one page a transaction appears once, with its current data: one added and removed again
before you saw it is left out; one added and then changed arrives in <code>added</code>.</li>
<li><b>Pending → posted.</b> When a pending transaction posts, the posted one arrives in <code>added</code> with
<code>pending_transaction_id</code> set to the pending one's id, and the pending one arrives in <code>removed</code>. A bank correcting a
description or amount arrives in <code>modified</code>.</li>
<li>Apply a page in this order: drop <code>removed</code>, then upsert <code>added</code> and <code>modified</code> by <code>id</code>.</li>
</ul>
<h3 id="force-refresh">Force refresh</h3>
<p><code>POST /accounts/:id/sync</code> (scope <code>accounts:read</code>) pulls fresh data from the bank for the account's connection now
(in the sandbox: a few new card payments dated today, earlier pending ones that post, and — after days without a pull — the salary,
rent, subscriptions and bills that fell due meanwhile, each dated on its own day and never added twice) and answers</p>
<pre>{"object":"sync","account_id":"acc_rai_001","sync_status":"HISTORICAL_UPDATE_COMPLETE","added_count":3,"modified_count":0,"removed_count":1}</pre>
<p>The counts are this account's changes from this pull. When anything changed, <code>TRANSACTIONS.SYNC_UPDATES_AVAILABLE</code> fires
(<code>account_id</code>, <code>bank_id</code>). The docs say a force refresh "resets the sync cursor": here the cursors you hold stay valid —
your next sync call with your latest <code>next_cursor</code> returns exactly the new changes, so there is nothing to reset. One refresh of a
connection runs at a time; a second request waits for the running one and then pulls again (or answers <code>503 SERVICE_UNAVAILABLE</code>
with <code>Retry-After</code> if it takes too long). Servers started with <code>OPENDINAR_SYNC_INTERVAL_SECONDS</code> &gt; 0 also refresh every
active connection once per interval, spread over it. Custom sandbox connections have no bank behind them: a refresh finds nothing
(<code>added_count: 0</code>).</p>
<h3 id="recurring">Recurring transactions</h3>
<p><code>GET /accounts/:id/recurring</code> (scope <code>transactions:read</code>) returns <code>outgoing</code> (subscriptions, rent, bills)
and <code>incoming</code> (salary) streams. Each stream has <code>description</code> (of its latest payment), <code>category</code>,
<code>frequency</code> (weekly, biweekly, monthly, quarterly, annually), <code>amount_type</code> (fixed when every payment of the stream is exactly the same amount, variable on any change: an FX-converted price, a price rise), <code>typical_amount</code>
(positive), <code>occurrences</code>, <code>first_date</code>, <code>last_date</code>, <code>next_expected_date</code>, <code>is_active</code> and
<code>transaction_ids</code>. Descriptions that differ only by dates, month names or reference numbers ("Plata - januar 2026",
"Plata - februar 2026") are one stream. <code>monthly_outgoing_total</code> and <code>monthly_incoming_total</code> convert each active stream to a
monthly amount (weekly × 52 / 12, biweekly × 26 / 12, quarterly / 3, annually / 12). Pending transactions are not counted.
A weekly or biweekly payment may post up to two days off its weekday (or on the Monday after a weekend) and skip a few weeks; an
extra payment to the same payee off that rhythm is left out of the stream. Payments to one payee whose text changes from one payment
to the next ("IPS Ana Petrović čišćenje", "Ana Petrovic ciscenje stana", "Prenos na račun ANA PETROVIC", Cyrillic or Latin, card or
IPS, "I kvartal" / "II kvartal") are taken together when together they follow one rhythm; so are wordings that print the same
account number (a loan's account: "Naplata rate kredita 105-…", "Otplata kredita 105-…"). A monthly bill paid by hand may be paid
up to ten days before or after its usual day of the month and, now and then, two months at once. An annual stream holds its price
within a quarter (within 60 % for an insurer, a tax or another payee that bills on a cycle: yearly premium rises), so a holiday
booked every summer at a different price is no stream.</p>
<h3 id="custom-sandbox">Custom sandbox data</h3>
<p>To test your app against its own cases, a sandbox key can create a connection holding exactly the data you send:</p>
<pre>POST /sandbox/connections
{"bank_id":"raiffeisen","user_id":"user_123","accounts":[{"name":"Tekući račun","type":"current","currency":"RSD",
  "opening_balance":10000,"transactions":[{"date":"2026-03-01","amount":-1650.00,"description":"DIS market Vracar"},
  {"date":"2026-03-02","amount":-790,"description":"NETFLIX.COM","category":"subscriptions","pending":true}]}]}
→ 201 {"connection_id":"conn_…","bank_id":"raiffeisen","status":"active","accounts":[{"id":"acc_…","name":"Tekući račun"}]}</pre>
<p>Dates must be real calendar dates, amounts numbers with at most two decimals, <code>currency</code> three capital letters,
<code>category</code> (optional) one of the nine; transactions without one are categorised for you. At most
${MAX_CUSTOM_TRANSACTIONS.toLocaleString('en-US')} transactions per request (16 MiB body). <code>bank_id</code> must be a bank you could connect
(<code>BANK_NOT_FOUND</code>, <code>BANK_NOT_AVAILABLE</code>). Live keys get <code>403 NOT_SANDBOX_KEY</code>. Like an exchange, it fires
<code>AUTH.AUTOMATICALLY_VERIFIED</code>; the accounts then work with every endpoint, sync and recurring included.</p>`,
};
