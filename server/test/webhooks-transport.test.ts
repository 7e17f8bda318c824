import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTransport } from '../src/webhooks/transport.js';
import { type Receiver, startReceiver } from './helpers/webhooks.js';

const body = Buffer.from('{"a":1}');
const headers = { 'content-type': 'application/json' };

describe('webhook transport: resolve once, check every address, connect to the checked one', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
    receiver.setResponder(() => 200);
  });

  it('pins the connection to the address it verified (no second DNS lookup by the socket)', async () => {
    const lookups: string[] = [];
    // "hooks.example.test" does not exist in real DNS: the request can only arrive if the socket uses our answer.
    const transport = createTransport({
      timeoutMs: 2000,
      allowPrivate: false,
      allowHttp: true,
      resolveHost: async (host) => {
        lookups.push(host);
        return [{ address: '127.0.0.1', family: 4 }];
      },
      isAllowedAddress: (a) => a === '127.0.0.1', // stand-in for "public" so the local receiver counts
    });
    try {
      const r = await transport.post(`http://hooks.example.test:${receiver.port}/hooks`, body, headers);
      expect(r).toMatchObject({ statusCode: 200, error: null });
      expect(lookups).toEqual(['hooks.example.test']);
      expect(receiver.received[0]?.headers.host).toBe(`hooks.example.test:${receiver.port}`);
      expect(receiver.received[0]?.raw.equals(body)).toBe(true);
    } finally {
      transport.close();
    }
  });

  it('refuses a name when any resolved address is not allowed, and never connects', async () => {
    const transport = createTransport({
      timeoutMs: 2000,
      allowPrivate: false,
      allowHttp: true,
      resolveHost: async () => [
        { address: '8.8.8.8', family: 4 },
        { address: '10.0.0.7', family: 4 },
      ],
    });
    try {
      const r = await transport.post(`http://rebind.example.test:${receiver.port}/hooks`, body, headers);
      expect(r.statusCode).toBeNull();
      expect(r.error).toBe('refused: rebind.example.test resolves to non-public address 10.0.0.7');
      const v6 = createTransport({
        timeoutMs: 2000,
        allowPrivate: false,
        allowHttp: true,
        resolveHost: async () => [{ address: '::ffff:127.0.0.1', family: 6 }],
      });
      expect((await v6.post(`http://v6.example.test:${receiver.port}/`, body, headers)).error).toMatch(
        /non-public address ::ffff:127\.0\.0\.1$/,
      );
      v6.close();
      expect(receiver.received).toHaveLength(0);
    } finally {
      transport.close();
    }
  });

  it('reports DNS failures and DNS that never answers within the timeout', async () => {
    const failing = createTransport({
      timeoutMs: 200,
      allowPrivate: false,
      allowHttp: true,
      resolveHost: async () => {
        throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      },
    });
    expect((await failing.post('https://nx.example.test/', body, headers)).error).toBe('DNS: ENOTFOUND');
    failing.close();
    const hanging = createTransport({
      timeoutMs: 200,
      allowPrivate: false,
      resolveHost: () => new Promise(() => {}),
    });
    const r = await hanging.post('https://slow.example.test/', body, headers);
    expect(r.error).toBe('DNS: ETIMEOUT');
    expect(r.durationMs).toBeGreaterThanOrEqual(190);
    hanging.close();
  });

  it('reuses keep-alive connections across deliveries', async () => {
    const transport = createTransport({ timeoutMs: 2000, allowPrivate: true });
    try {
      for (let i = 0; i < 5; i++)
        expect((await transport.post(receiver.url, body, headers)).statusCode).toBe(200);
      const ports = new Set(receiver.received.map((r) => r.remotePort));
      expect(receiver.received).toHaveLength(5);
      expect(receiver.received.every((r) => r.headers.connection === 'keep-alive')).toBe(true);
      expect(ports.size).toBe(1);
      expect([...ports][0]).toBeGreaterThan(0);
    } finally {
      transport.close();
    }
  });
});
