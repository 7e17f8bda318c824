/** Quickstart code, filled in with the developer's key and this server's address. */
export function quickstart(key: string | null, origin: string) {
  const k = key ?? 'od_test_sk_your_key_here';
  return {
    script: `<script src="${origin}/v1/opendinar.js"></script>`,
    create: `const handler = OpenDinar.create({
  apiKey: '${k}',
  userId: 'user_123', // your internal user ID
  onSuccess: (publicToken, meta) => {
    // Send publicToken to your backend and exchange it
    console.log('Connected:', meta.bank_name);
  },
  onExit: () => console.log('User closed the widget'),
});
document.getElementById('connect-btn').onclick = () => handler.open();`,
    exchange: `curl -X POST ${origin}/connect/exchange \\
  -H 'Authorization: Bearer ${k}' \\
  -H 'Content-Type: application/json' \\
  -d '{"public_token": "public_abc123..."}'`,
    transactions: `curl ${origin}/accounts \\
  -H 'Authorization: Bearer ${k}'

curl '${origin}/accounts/acc_rai_001/transactions?limit=50' \\
  -H 'Authorization: Bearer ${k}'`,
  };
}

/** The docs' Node.js verification example, as written there. */
export const VERIFY_WEBHOOK = `// Node.js verification example
const { createHmac } = require('crypto');

function verifyWebhook(secret, rawBody, signatureHeader) {
  const parts = Object.fromEntries(signatureHeader.split(',').map(p => p.split('=')));
  const expected = createHmac('sha256', secret)
    .update(\`\${parts.t}.\${rawBody}\`)
    .digest('hex');
  return expected === parts.v1;
}`;
