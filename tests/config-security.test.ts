/** Findings 2 and 12: TRUST_PROXY takes hops or proxy addresses (never "trust everyone"), ADMIN_TOKEN must be guessable by no one. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const refused = (env: Record<string, string>, variable: string, why: RegExp) => {
  try {
    loadConfig(env);
    expect.unreachable(`${variable} accepted`);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    const line = (e as Error).message.split('\n').find((l) => l.includes(`${variable}:`));
    expect(line, (e as Error).message).toMatch(why);
  }
};

describe('TRUST_PROXY', () => {
  it('is off when unset, empty or false', () => {
    for (const v of [undefined, '', 'false', '0']) expect(loadConfig(v === undefined ? {} : { TRUST_PROXY: v }).trustProxy).toBe(false);
  });

  it('takes a hop count', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: ' 2 ' }).trustProxy).toBe(2);
  });

  it('takes proxy addresses and CIDRs', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1,fd00::/8, loopback' }).trustProxy).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses true, which would let any client choose its own address, and says why', () => {
    refused({ TRUST_PROXY: 'true' }, 'TRUST_PROXY', /every hop.*X-Forwarded-For/);
    refused({ TRUST_PROXY: 'yes' }, 'TRUST_PROXY', /every hop/);
  });

  it('refuses what is neither a count nor an address', () => {
    refused({ TRUST_PROXY: '10.0.0.300' }, 'TRUST_PROXY', /10\.0\.0\.300/);
    refused({ TRUST_PROXY: '10.0.0.0/40' }, 'TRUST_PROXY', /10\.0\.0\.0\/40/);
    refused({ TRUST_PROXY: '-1' }, 'TRUST_PROXY', /-1/);
  });
});

describe('ADMIN_TOKEN', () => {
  it('accepts a random token', () => {
    expect(loadConfig({ ADMIN_TOKEN: 'f3a9c2e17b4d58a0c6e2' }).adminToken).toBe('f3a9c2e17b4d58a0c6e2');
  });

  it.each([
    ['spaces only', ' '.repeat(20)],
    ['inner whitespace', 'abcdefgh ijklmnopqrs'],
    ['a tab', 'abcdefgh\tijklmnopqrs'],
  ])('refuses %s (a bearer token cannot carry it, so it could never match)', (_name, token) => {
    refused({ ADMIN_TOKEN: token }, 'ADMIN_TOKEN', /whitespace/);
  });

  it.each([['one character repeated', 'a'.repeat(32)], ['two alternating', 'ab'.repeat(16)], ['a counting pattern', '1234123412341234']])(
    'refuses %s: too easy to guess',
    (_name, token) => {
      refused({ ADMIN_TOKEN: token }, 'ADMIN_TOKEN', /different characters/);
    },
  );
});
