// The baseline of the transactions-page bench: a bare Fastify route running the same SQL for the same
// page, with no auth, scoping, validation, hooks or usage recording.
import Fastify from 'fastify';
import { loadConfig } from '../server/src/config.js';
import { createDb } from '../server/src/db/index.js';
import { listTransactions, toTransactionJson } from '../server/src/transactions/store.js';

const config = loadConfig();
const { db } = createDb(config.database);
const app = Fastify();
app.get('/healthz', async () => ({ status: 'ok' }));
app.get<{ Params: { id: string } }>('/accounts/:id/transactions', async (req) => {
  const { rows, total } = await listTransactions(db, req.params.id, { limit: 50, offset: 0 });
  return { transactions: rows.map(toTransactionJson), total, has_more: rows.length < total };
});
await app.listen({ port: config.port, host: config.host });
