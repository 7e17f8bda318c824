// `npm run bank-sim`: the local XS2A banks on BANK_SIM_PORT (default 4010), 127.0.0.1.
import { buildBankSim } from './app.js';
import { PROFILES } from './profiles.js';

const port = Number(process.env.BANK_SIM_PORT ?? 4010);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`BANK_SIM_PORT must be a port number, got ${process.env.BANK_SIM_PORT}`);
  process.exit(1);
}

const sim = await buildBankSim();
await sim.listen({ port, host: '127.0.0.1' });
const address = sim.server.address();
const actual = typeof address === 'object' && address ? address.port : port;
console.log(`bank-sim listening on http://127.0.0.1:${actual}`);
for (const id of Object.keys(PROFILES)) console.log(`  ${id}: http://127.0.0.1:${actual}/${id}/v1/…`);
console.log(`  control API: http://127.0.0.1:${actual}/sim/…`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    sim.close().then(() => process.exit(0));
  });
}
