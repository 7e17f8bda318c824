import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(async () => t.close());

describe('/docs: sync, force refresh, recurring, custom sandbox data', () => {
  it('explains opaque cursors, sync_status, pending → posted, the cursor after a force refresh, and custom data', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('id="sync"');
    expect(html).toMatch(/txn_rai_014.*opaque|opaque[\s\S]*txn_rai_014/);
    expect(html).toContain('HISTORICAL_UPDATE_IN_PROGRESS');
    expect(html).toContain('pending_transaction_id');
    expect(html).toMatch(/resets the sync cursor[\s\S]*stay valid/);
    expect(html).toContain('POST /sandbox/connections');
    expect(html).toContain('50,000');
    expect(html).toContain('monthly_outgoing_total');
  });
});
