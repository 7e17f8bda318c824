import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook, WebhookSignatureError } from '../src/index.js';
import vectors from './vectors/webhook-signatures.json' with { type: 'json' };

// The product docs' verifyWebhook, verbatim (the server's tests check real deliveries with it too).
const require = createRequire(import.meta.url);
const docs = require('../../server/test/helpers/docs-verify-webhook.cjs') as {
  verifyWebhook(secret: string, rawBody: string, header: string): boolean;
};

describe('webhook signature test vectors (test/vectors/webhook-signatures.json)', () => {
  for (const v of vectors) {
    it(`${v.name}: SDK ${v.sdk_valid ? 'accepts' : 'rejects'}, docs snippet ${v.docs_valid ? 'accepts' : 'rejects'}`, () => {
      const sdk = () =>
        verifyWebhook({ payload: v.payload, signature: v.header, secret: v.secret, now: v.now });
      if (v.sdk_valid) expect(sdk()).toEqual(JSON.parse(v.payload));
      else expect(sdk).toThrow(WebhookSignatureError);
      // The same bytes as a Buffer verify alike.
      if (v.sdk_valid) {
        expect(
          verifyWebhook({
            payload: Buffer.from(v.payload),
            signature: v.header,
            secret: v.secret,
            now: v.now,
          }),
        ).toBeTruthy();
      }
      expect(docs.verifyWebhook(v.secret, v.payload, v.header)).toBe(v.docs_valid);
    });
  }

  it('signWebhook produces what both verifiers accept', () => {
    const body = '{"webhook_type":"WEBHOOK","webhook_code":"TEST"}';
    const header = signWebhook(body, 'whsec_x', 1775298600);
    expect(
      verifyWebhook({ payload: body, signature: header, secret: 'whsec_x', now: 1775298600 }),
    ).toMatchObject({
      webhook_code: 'TEST',
    });
    expect(docs.verifyWebhook('whsec_x', body, header)).toBe(true);
    expect(() => verifyWebhook({ payload: body, signature: undefined, secret: 'whsec_x' })).toThrow(
      /Missing/,
    );
  });
});
