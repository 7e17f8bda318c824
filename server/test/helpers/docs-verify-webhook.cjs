// The Node.js verification example from the product docs ("Verifying Webhooks"), copied verbatim;
// only the last line (module.exports) is added so tests can load it.
const { createHmac } = require('crypto');
function verifyWebhook(secret, rawBody, signatureHeader) {
const parts = Object.fromEntries(signatureHeader.split(',').map(p => p.split('=')));
const expected = createHmac('sha256', secret)
.update(`${parts.t}.${rawBody}`)
.digest('hex');
return expected === parts.v1;
}
module.exports = { verifyWebhook };
