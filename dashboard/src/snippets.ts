/**
 * Quickstart code for the link-token flow, filled with the developer's real values: this server's
 * address, the app's secret key when it was just shown (else an environment variable), and a real
 * account id of the app when it has one.
 */
export function quickstart(opts: { origin: string; key: string | null; accountId: string | null }) {
  const { origin } = opts;
  const exportLine = `export OPENDINAR_SECRET_KEY=${opts.key ?? 'od_test_sk_…'}`;
  const acc = opts.accountId ?? 'ACCOUNT_ID_FROM_GET_ACCOUNTS';
  return {
    linkTokenCurl: `${exportLine}

curl -X POST ${origin}/link/token \\
  -H "Authorization: Bearer $OPENDINAR_SECRET_KEY" \\
  -H 'Content-Type: application/json' \\
  -d '{"user_id": "user_123"}'
# → {"link_token": "link_…", "expires_in": 1800}`,
    linkTokenNode: `// server.js — your backend. OPENDINAR_SECRET_KEY never reaches the browser.
import express from 'express';
const app = express();
app.use(express.json());
const API = '${origin}';
const auth = { authorization: \`Bearer \${process.env.OPENDINAR_SECRET_KEY}\`, 'content-type': 'application/json' };

app.post('/api/link-token', async (req, res) => {
  const r = await fetch(\`\${API}/link/token\`, {
    method: 'POST', headers: auth,
    body: JSON.stringify({ user_id: 'user_123' }), // your signed-in user's id
  });
  res.status(r.status).json(await r.json()); // { link_token, expires_in }
});

app.post('/api/exchange', async (req, res) => {
  const r = await fetch(\`\${API}/connect/exchange\`, {
    method: 'POST', headers: auth,
    body: JSON.stringify({ public_token: req.body.public_token }),
  });
  res.status(r.status).json(await r.json()); // { connection_id, bank_id, status }
});
app.listen(8080);`,
    widget: `<button id="connect-btn">Poveži banku</button>
<script src="${origin}/v1/opendinar.js"></script>
<script>
  document.getElementById('connect-btn').onclick = async () => {
    const { link_token } = await (await fetch('/api/link-token', { method: 'POST' })).json();
    const handler = OpenDinar.create({
      linkToken: link_token,
      language: 'sr', // or 'en'
      onSuccess: (publicToken, meta) =>
        fetch('/api/exchange', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ public_token: publicToken }),
        }),
      onExit: (error) => { if (error) console.warn(error.code, error.message); },
    });
    handler.open();
  };
</script>`,
    exchange: `curl -X POST ${origin}/connect/exchange \\
  -H "Authorization: Bearer $OPENDINAR_SECRET_KEY" \\
  -H 'Content-Type: application/json' \\
  -d '{"public_token": "public_…"}'`,
    transactions: `curl ${origin}/accounts \\
  -H "Authorization: Bearer $OPENDINAR_SECRET_KEY"

curl '${origin}/accounts/${acc}/transactions?limit=50' \\
  -H "Authorization: Bearer $OPENDINAR_SECRET_KEY"`,
  };
}

/**
 * Webhook verification as it should be done: the HMAC compared in constant time and the
 * timestamp checked (older than 5 minutes → rejected, against replays).
 */
export const VERIFY_WEBHOOK = `// Node.js: verify an OpenDinar webhook (use the raw request body)
const { createHmac, timingSafeEqual } = require('crypto');

function verifyWebhook(secret, rawBody, signatureHeader, toleranceSeconds = 300) {
  const parts = signatureHeader.split(',').map((p) => p.split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isFinite(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(
    createHmac('sha256', secret).update(\`\${t}.\${rawBody}\`).digest('hex'),
  );
  // During a secret rotation the header carries two v1= values: accept either.
  return parts
    .filter(([k]) => k === 'v1')
    .some(([, v]) => v.length === expected.length && timingSafeEqual(Buffer.from(v), expected));
}`;
