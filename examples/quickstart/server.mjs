// OpenDinar quickstart: a complete integration in one file, plain Node `http`, no dependencies.
//   node examples/quickstart/server.mjs      (then open http://localhost:4000)
import { createServer } from 'node:http';
import { verifyWebhook } from './webhook.mjs';

const PORT = Number(process.env.PORT ?? 4000);
const OPENDINAR_URL = (process.env.OPENDINAR_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
// The seeded sandbox key of a local OpenDinar. A secret key: it stays on this backend, never in the page.
const API_KEY = process.env.OPENDINAR_API_KEY ?? 'od_test_sk_9x2mABC123sandbox';
// The signing secret of your webhook endpoint (dashboard, POST /webhooks, or `opendinar listen`).
const WEBHOOK_SECRET = process.env.OPENDINAR_WEBHOOK_SECRET ?? '';
const USER_ID = 'quickstart_user';

/** One call to the OpenDinar API with the secret key; throws on an error answer. */
async function od(method, path, body) {
  const res = await fetch(OPENDINAR_URL + path, {
    method,
    headers: { authorization: `Bearer ${API_KEY}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (!res.ok)
    throw Object.assign(new Error(`${method} ${path}: ${json.error_code}`), { status: res.status, json });
  return json;
}

// ---- The example's own store (in memory; a real app uses its database) ----
const transactions = new Map(); // transaction id → transaction
const cursors = new Map(); // account id → last next_cursor
const accounts = new Map(); // account id → account
const syncing = new Map(); // account id → running sync (one at a time per account)

/**
 * Cursor sync: GET /accounts/:id/transactions?cursor=… from the saved cursor, applying added, modified
 * and removed, following next_cursor while has_more; the cursor is saved after each applied page.
 */
function syncAccount(accountId) {
  const previous = syncing.get(accountId) ?? Promise.resolve();
  const run = previous
    .catch(() => {})
    .then(async () => {
      let hasMore = true;
      while (hasMore) {
        const cursor = cursors.get(accountId) ?? '';
        const page = await od(
          'GET',
          `/accounts/${encodeURIComponent(accountId)}/transactions?cursor=${encodeURIComponent(cursor)}`,
        );
        for (const t of page.added) transactions.set(t.id, t);
        for (const t of page.modified) transactions.set(t.id, t);
        for (const { id } of page.removed) transactions.delete(id);
        cursors.set(accountId, page.next_cursor);
        hasMore = page.has_more;
      }
    });
  syncing.set(accountId, run);
  return run;
}

/** After an exchange: the connection's accounts, then a full sync of each. */
async function syncConnection(connectionId) {
  const list = await od('GET', '/accounts');
  const mine = list.accounts.filter((a) => a.connection_id === connectionId);
  for (const a of mine) accounts.set(a.id, a);
  await Promise.all(mine.map((a) => syncAccount(a.id)));
  return mine;
}

// ---- HTTP ----
function page(linkToken) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>OpenDinar quickstart</title></head>
<body>
<h1>OpenDinar quickstart</h1>
<button type="button" id="connect">Poveži banku</button>
<p id="status" role="status"></p>
<pre id="result"></pre>
<script src="${OPENDINAR_URL}/v1/opendinar.js"></script>
<script>
const status = document.getElementById('status');
const handler = OpenDinar.create({
  linkToken: ${JSON.stringify(linkToken)},
  onSuccess: async (publicToken, meta) => {
    status.textContent = 'Connected ' + meta.bank_name + ', exchanging…';
    const res = await fetch('/exchange', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ public_token: publicToken }),
    });
    const out = await res.json();
    status.textContent = res.ok ? 'Exchanged: ' + out.transactions + ' transactions synced' : 'Exchange failed';
    document.getElementById('result').textContent = JSON.stringify(out, null, 2);
  },
  onExit: () => { status.textContent = 'Widget closed'; },
});
document.getElementById('connect').onclick = () => handler.open();
</script>
</body>
</html>`;
}

function send(res, status, body, type = 'application/json') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(type === 'application/json' ? JSON.stringify(body) : body);
}

function readRaw(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handle(req, res) {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const raw = await readRaw(req);

  if (req.method === 'GET' && pathname === '/') {
    // (1) A short-lived link token for the signed-in user, created with the secret key on the backend.
    const { link_token } = await od('POST', '/link/token', { user_id: USER_ID });
    return send(res, 200, page(link_token), 'text/html; charset=utf-8');
  }

  if (req.method === 'POST' && pathname === '/exchange') {
    // (2) The widget's one-time public token → a permanent connection, then the first sync.
    const { public_token } = JSON.parse(raw.toString('utf8') || '{}');
    const connection = await od('POST', '/connect/exchange', { public_token });
    const mine = await syncConnection(connection.connection_id);
    return send(res, 200, {
      connection_id: connection.connection_id,
      bank_id: connection.bank_id,
      status: connection.status,
      accounts: mine.length,
      transactions: transactions.size,
    });
  }

  if (req.method === 'POST' && pathname === '/webhooks') {
    // (3) Verify the signature on the RAW bytes before trusting (or even parsing) the event.
    if (!verifyWebhook(WEBHOOK_SECRET, raw, req.headers['opendinar-signature'])) {
      return send(res, 400, { error: 'invalid signature' });
    }
    const event = JSON.parse(raw.toString('utf8'));
    if (event.webhook_type === 'TRANSACTIONS' && event.webhook_code === 'SYNC_UPDATES_AVAILABLE') {
      // Answer fast; sync in the background (OpenDinar retries a webhook that times out).
      syncAccount(event.account_id).catch((e) => console.error('sync failed', e.message));
    } else if (event.webhook_type === 'AUTH' && event.connection_id) {
      syncConnection(event.connection_id).catch((e) => console.error('sync failed', e.message));
    }
    return send(res, 200, { received: true });
  }

  if (req.method === 'GET' && pathname === '/transactions') {
    // (4) The example's own copy, kept current by the cursor sync.
    const list = [...transactions.values()].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    return send(res, 200, { accounts: [...accounts.values()], transactions: list });
  }

  return send(res, 404, { error: 'not found' });
}

const server = createServer((req, res) => {
  handle(req, res).catch((e) => {
    console.error(e.message);
    if (!res.headersSent)
      send(res, e.status && e.status < 500 ? e.status : 502, e.json ?? { error: e.message });
  });
});

server.listen(PORT, () => {
  const { port } = server.address();
  console.log(`OpenDinar quickstart listening on http://localhost:${port} (API ${OPENDINAR_URL})`);
});
