import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { BOT_COMMANDS, BotConfigError, startBot, telegramWebhook } from '../../src/bot/index.js';
import { captureLogger, createTestBot, loadShippedEngine, message, TOKEN, type TestBot } from './setup.js';

const SECRET = 'a-very-long-webhook-secret_123';
let engine: Engine;
let t: TestBot;
let app: FastifyInstance;

beforeAll(async () => {
  engine = await loadShippedEngine();
});
afterEach(async () => {
  await app?.close();
  await t?.close();
});

async function appWithWebhook(): Promise<FastifyInstance> {
  t = await createTestBot(engine);
  app = Fastify();
  await app.register(telegramWebhook(t.bot, SECRET));
  return app;
}

const post = (headers: Record<string, string>) =>
  app.inject({ method: 'POST', url: '/telegram/webhook', headers: { 'content-type': 'application/json', ...headers }, payload: message('郴州为什么要对接大湾区') });

describe('webhook route', () => {
  it('hands the update to the bot with the right secret', async () => {
    await appWithWebhook();
    const res = await post({ 'x-telegram-bot-api-secret-token': SECRET });
    expect(res.statusCode).toBe(200);
    expect(t.api.callsTo('sendMessage')[0]!.payload.text).toContain('<blockquote>');
  });

  it.each([
    ['a wrong secret', { 'x-telegram-bot-api-secret-token': 'a-very-long-webhook-secret_124' }],
    ['a secret of another length', { 'x-telegram-bot-api-secret-token': 'short' }],
    ['no secret', {}],
  ])('rejects %s with 401 and does not touch the bot', async (_name, headers) => {
    await appWithWebhook();
    const res = await post(headers);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'unauthorized' });
    expect(t.api.calls).toEqual([]);
  });

  it('refuses a weak secret up front', async () => {
    t = await createTestBot(engine);
    expect(() => telegramWebhook(t.bot, 'short')).toThrow(BotConfigError);
  });
});

describe('startBot in webhook mode', () => {
  it('initialises, sets the Chinese command menu, then the webhook with its secret', async () => {
    t = await createTestBot(engine);
    const { logger, lines } = captureLogger();
    const running = startBot(t.bot, { kind: 'webhook', url: 'https://bot.example.com/telegram/webhook', secret: SECRET }, logger);
    await running.connected;
    const methods = t.api.calls.map((c) => c.method);
    expect(methods).toEqual(['setMyCommands', 'setWebhook']);
    expect(t.api.calls[0]!.payload.commands).toEqual(BOT_COMMANDS);
    expect(BOT_COMMANDS.every((c) => /[\u4e00-\u9fff]/.test(c.description))).toBe(true);
    expect(t.api.calls[1]!.payload).toMatchObject({ url: 'https://bot.example.com/telegram/webhook', secret_token: SECRET });
    expect(t.api.calls.every((c) => c.token === TOKEN)).toBe(true);
    await running.stop();
    for (const line of lines) expect(line).not.toContain(TOKEN);
  });
});
