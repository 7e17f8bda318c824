import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { safeEqual } from '../src/ids.js';
import { verifySignatureHeader } from '../src/webhooks/signing.js';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

// `x === y` where either side names a secret, a MAC or a signature (null/undefined/literal checks are fine).
const SECRET_NAME = '[\\w.$\\]\\)]*(?:secret|signature|mac|csrf|token_?hash|password|grant)\\w*';
const OPERAND = String.raw`[\w.$\]\)'"\x60(]+`;
const COMPARISON = new RegExp(
  `(${SECRET_NAME}\\s*[!=]==\\s*${OPERAND}|${OPERAND}\\s*[!=]==\\s*${SECRET_NAME})`,
  'gi',
);
const HARMLESS =
  /[!=]==\s*(null|undefined|''|""|'[\w-]*'|\d+)(?!\w)|(null|undefined)\s*[!=]==|typeof|\.length\s*[!=]==|[!=]==\s*\w+\.length/;

describe('secrets are compared in constant time', () => {
  it('no source file compares a secret, MAC or signature with === / !==', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (line.trim().startsWith('//') || line.trim().startsWith('*')) return;
          for (const m of line.match(COMPARISON) ?? []) {
            if (!HARMLESS.test(m)) offenders.push(`${file.slice(SRC.length)}:${i + 1}: ${m.trim()}`);
          }
        });
    }
    expect(offenders).toEqual([]);
  });

  it('the scan catches the pattern it looks for', () => {
    expect('if (given.signature === expected) ok();'.match(COMPARISON)).not.toBeNull();
    expect('return csrfHeader !== csrfFor(app, t);'.match(COMPARISON)).not.toBeNull();
    expect(HARMLESS.test('row.password_hash === null')).toBe(true);
    expect(HARMLESS.test("url.password !== '')")).toBe(true);
  });

  it('safeEqual: equal only for identical strings, any length, any characters', () => {
    expect(safeEqual('whsec_abc', 'whsec_abc')).toBe(true);
    expect(safeEqual('whsec_abc', 'whsec_abd')).toBe(false);
    expect(safeEqual('whsec_abc', 'whsec_ab')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('š', 's')).toBe(false);
  });

  it('webhook signature verification refuses a signature differing in one character', () => {
    const body = '{"event_id":"evt_1"}';
    const now = 1_800_000_000;
    const good = createHmac('sha256', 'whsec_x').update(`${now}.${body}`).digest('hex');
    expect(verifySignatureHeader('whsec_x', body, `t=${now},v1=${good}`, now)).toBe(true);
    const bad = good.slice(0, -1) + (good.endsWith('0') ? '1' : '0');
    expect(verifySignatureHeader('whsec_x', body, `t=${now},v1=${bad}`, now)).toBe(false);
  });
});
