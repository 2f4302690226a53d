import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('DATABASE_URL and REDIS_URL', () => {
  it('are off unless set (the embedded stores), and taken as given when set', () => {
    const off = loadConfig({ DATABASE_URL: '', REDIS_URL: ' ' });
    expect(off.databaseUrl).toBeUndefined();
    expect(off.redisUrl).toBeUndefined();
    const on = loadConfig({ DATABASE_URL: 'postgres://chuchu:pw@db:5432/chuchu', REDIS_URL: 'redis://cache:6379' });
    expect(on).toMatchObject({ databaseUrl: 'postgres://chuchu:pw@db:5432/chuchu', redisUrl: 'redis://cache:6379' });
  });

  it('name both variables and the expected form when they are wrong', () => {
    let message = '';
    try {
      loadConfig({ DATABASE_URL: 'mysql://db/chuchu', REDIS_URL: 'cache:6379' });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toContain('DATABASE_URL: a postgres://');
    expect(message).toContain('REDIS_URL: a redis://');
    expect(() => loadConfig({ DATABASE_URL: 'postgres://[broken' })).toThrow(/DATABASE_URL: not a valid URL/u);
  });
});
