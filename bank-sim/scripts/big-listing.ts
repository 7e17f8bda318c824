// Times a full transaction listing of a big account: `npm run bench -w bank-sim [-- big10000 raiffeisen]`.
import { randomUUID } from 'node:crypto';
import { buildBankSim } from '../src/app.js';

const username = process.argv[2] ?? 'big10000';
const bankId = process.argv[3] ?? 'raiffeisen';

const sim = await buildBankSim();
await sim.listen({ port: 0, host: '127.0.0.1' });
const address = sim.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const json = async (path: string, init: RequestInit = {}) => {
  const res = await fetch(base + path, init);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
};

const consent = await json(`/${bankId}/v1/consents`, {
  method: 'POST',
  headers: {
    'X-Request-ID': randomUUID(),
    'TPP-Redirect-URI': 'http://127.0.0.1/cb',
    'content-type': 'application/json',
  },
  body: JSON.stringify({
    access: { allPsd2: 'allAccounts' },
    recurringIndicator: true,
    validUntil: '2099-12-31',
    frequencyPerDay: 4,
    combinedServiceIndicator: false,
  }),
});
await json(`/sim/consents/${consent.consentId}/approve`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username }),
});
const headers = () => ({ 'X-Request-ID': randomUUID(), 'Consent-ID': consent.consentId });
const { accounts } = await json(`/${bankId}/v1/accounts`, { headers: headers() });
const from = new Date(Date.now() - 89 * 86_400_000).toISOString().slice(0, 10);

for (let run = 1; run <= 2; run++) {
  const started = performance.now();
  let path: string | undefined =
    `/${bankId}/v1/accounts/${accounts[0].resourceId}/transactions?bookingStatus=booked&dateFrom=${from}`;
  let count = 0;
  let pages = 0;
  let first = 0;
  while (path) {
    const page = await json(path, { headers: headers() });
    if (pages === 0) first = performance.now() - started;
    pages++;
    count += page.transactions.booked.length;
    path = page.transactions._links.next?.href;
  }
  const total = performance.now() - started;
  console.log(
    `${username}@${bankId} run ${run}: ${count} transactions in ${pages} pages; first page ${first.toFixed(0)} ms, all ${total.toFixed(0)} ms`,
  );
}
await sim.close();
