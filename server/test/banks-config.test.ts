import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadBanksConfig, loadConfig } from '../src/config.js';

const dir = mkdtempSync(join(tmpdir(), 'od-banks-cfg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};

describe('OPENDINAR_BANKS_CONFIG', () => {
  it('is optional: without it no live bank is configured', () => {
    expect(loadConfig({}).liveBanks).toEqual({});
  });

  it('reads the shipped bank-sim file', () => {
    const cfg = loadConfig({ OPENDINAR_BANKS_CONFIG: join(__dirname, '../../bank-sim/banks.local.json') });
    expect(Object.keys(cfg.liveBanks ?? {}).sort()).toEqual(['erste', 'raiffeisen']);
    expect(cfg.liveBanks?.erste).toMatchObject({ profile: 'erste', xs2aVersion: '1.3.11' });
  });

  it('resolves tls paths next to the file and checks they exist', () => {
    file('qwac.pem', 'x');
    file('qwac.key', 'x');
    const p = file('ok.json', {
      raiffeisen: {
        baseUrl: 'https://xs2a.example/rai/',
        profile: 'raiffeisen',
        tls: { cert: 'qwac.pem', key: 'qwac.key' },
      },
    });
    expect(loadBanksConfig(p).raiffeisen).toEqual({
      baseUrl: 'https://xs2a.example/rai',
      xs2aVersion: '1.3.11',
      profile: 'raiffeisen',
      tls: { cert: join(dir, 'qwac.pem'), key: join(dir, 'qwac.key') },
    });
  });

  it.each([
    ['not json', '{', /cannot read/],
    ['not an object', '[]', /must hold a JSON object/],
    ['bad url', { raiffeisen: { baseUrl: 'ftp://x' } }, /baseUrl must be an http/],
    ['bad version', { raiffeisen: { baseUrl: 'https://x', xs2aVersion: '2.0' } }, /xs2aVersion must be 1\.3/],
    ['bad profile', { raiffeisen: { baseUrl: 'https://x', profile: 'nope' } }, /profile must be one of/],
    [
      'missing cert',
      { raiffeisen: { baseUrl: 'https://x', tls: { cert: 'missing.pem', key: 'missing.key' } } },
      /does not exist/,
    ],
    ['cert without key', { raiffeisen: { baseUrl: 'https://x', tls: { cert: 'qwac.pem' } } }, /go together/],
    ['timeout', { raiffeisen: { baseUrl: 'https://x', timeoutMs: 0 } }, /timeoutMs out of range/],
  ])('rejects %s with one line naming the variable', (name, content, message) => {
    file('qwac.pem', 'x');
    const p = file(`${name.replaceAll(' ', '-')}.json`, content);
    expect(() => loadBanksConfig(p)).toThrow(ConfigError);
    expect(() => loadBanksConfig(p)).toThrow(message);
    expect(() => loadBanksConfig(p)).toThrow(/OPENDINAR_BANKS_CONFIG/);
  });
});
