import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('runs with no configuration at all', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ knowledgeDir: 'knowledge', host: '127.0.0.1', port: 3000, allowedOrigins: [], bot: { kind: 'off' } });
  });

  it('chooses polling or webhook from the environment', () => {
    const token = '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    expect(loadConfig({ BOT_TOKEN: token }).bot).toMatchObject({ kind: 'polling', token });
    expect(loadConfig({ BOT_TOKEN: token, WEBHOOK_URL: 'https://x.example/telegram/webhook', WEBHOOK_SECRET: 's'.repeat(16) }).bot).toMatchObject({
      kind: 'webhook',
      url: 'https://x.example/telegram/webhook',
      secret: 's'.repeat(16),
    });
  });

  it('names every bad variable in one error', () => {
    try {
      loadConfig({ PORT: 'eighty', BOT_TOKEN: 'nope', WEBHOOK_URL: 'http://insecure.example', ADMIN_IDS: '12,abc', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      for (const name of ['PORT', 'BOT_TOKEN', 'WEBHOOK_URL', 'WEBHOOK_SECRET', 'ADMIN_IDS', 'LOG_LEVEL']) expect(msg).toContain(`${name}:`);
    }
  });

  it('parses lists and treats empty values as unset', () => {
    const c = loadConfig({ ALLOWED_ORIGINS: 'https://a.example, https://b.example', ADMIN_IDS: '1,22', BOT_TOKEN: '', TRUST_PROXY: '1' });
    expect(c.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(c.adminIds).toEqual([1, 22]);
    expect(c.bot.kind).toBe('off');
    expect(c.trustProxy).toBe(1);
  });
});
