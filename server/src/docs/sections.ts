import { connectSection } from './sections/connect.js';
import { developersSection } from './sections/developers.js';
import { enrichmentSection } from './sections/enrichment.js';
import { liveBanksSection } from './sections/live-banks.js';
import { requestsSection } from './sections/requests.js';
import { retentionSection } from './sections/retention.js';
import { sdkSection } from './sections/sdk.js';
import { syncSection } from './sections/sync.js';
import { webhooksSection } from './sections/webhooks.js';
import { widgetSection } from './sections/widget.js';

/**
 * Hand-written guide sections of /docs (the endpoint list and error reference are generated).
 * Each domain adds its own section module and lists it here.
 */
export interface DocSection {
  id: string;
  title: string;
  /** Trusted HTML written by us. */
  html: string;
}

export const DOC_SECTIONS: DocSection[] = [
  {
    id: 'authentication',
    title: 'Authentication',
    html: `<p>Banking endpoints take your API key as a bearer token: <code>Authorization: Bearer od_test_sk_…</code>
(sandbox) or <code>od_live_sk_…</code> (live). Keys carry scopes — <code>accounts:read</code>, <code>balance:read</code>,
<code>transactions:read</code>; a key without the scope an endpoint needs gets <code>403 INSUFFICIENT_PERMISSIONS</code>.
A key sees only the connections, accounts and tokens created through it. Developer endpoints take a
<code>devses_…</code> session token from <code>POST /developers/login</code>.</p>`,
  },
  {
    id: 'errors-overview',
    title: 'Errors',
    html: `<p>Every error has the same shape — check <code>error_code</code>, not the HTTP status:</p>
<pre>{"error_type":"AUTH_ERROR","error_code":"INVALID_API_KEY","error_message":"The API key provided is not valid.",
 "docs":"https://api.opendinar.com/docs#invalid_api_key","request_id":"a3f9c2d1-…"}</pre>
<p><code>request_id</code> equals the <code>X-Request-Id</code> response header; send your own <code>X-Request-Id</code>
(printable, ≤ 128 characters) to correlate logs.</p>`,
  },
  {
    id: 'money',
    title: 'Money and dates',
    html: `<p>Amounts are JSON numbers with at most two decimals in the account's currency; debits are negative, credits
positive. Dates are <code>YYYY-MM-DD</code>; instants are ISO-8601 UTC.</p>`,
  },
  requestsSection,
  developersSection,
  connectSection,
  liveBanksSection,
  widgetSection,
  webhooksSection,
  syncSection,
  enrichmentSection,
  retentionSection,
  sdkSection,
];
