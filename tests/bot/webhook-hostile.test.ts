/** Findings 8, 9 and the webhook half of 3: the webhook checks the secret before the body, validates updates, answers at once. */
import pino from 'pino';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { createBot, telegramWebhook } from '../../src/bot/index.js';
import { createMemoryRecorder } from '../../src/records/recorder.js';
import { makeApp, type TestApp } from '../server/helpers.js';
import { TEST_BOT } from '../helpers/fake-bot-api.js';
import { startSilentServer } from '../helpers/silent-server.js';
import { captureLogger, createTestBot, loadShippedEngine, message, TOKEN, type TestBot } from './setup.js';

const SECRET = 'hostile-webhook-secret_0123456789';
let engine: Engine;
let t: TestBot | undefined;
let app: TestApp | undefined;

beforeAll(async () => {
  engine = await loadShippedEngine();
});
afterEach(async () => {
  await app?.close();
  await t?.close();
  app = undefined;
  t = undefined;
});

async function webhookApp(): Promise<TestApp> {
  t = await createTestBot(engine);
  app = await makeApp(engine, { plugins: [telegramWebhook(t.bot, SECRET)] });
  return app;
}

const post = (payload: string, secret = SECRET, type = 'application/json') =>
  app!.inject({ method: 'POST', url: '/telegram/webhook', headers: { 'content-type': type, 'x-telegram-bot-api-secret-token': secret }, payload });

const errorsLogged = () => t!.lines.filter((l) => JSON.parse(l).level >= 50);

describe('webhook: the secret comes first', () => {
  it.each([
    ['broken JSON', '{', 'application/json'],
    ['a body of 2 MB', JSON.stringify({ x: 'y'.repeat(2_000_000) }), 'application/json'],
    ['another media type', 'hello', 'text/plain'],
  ])('a wrong secret with %s gets 401 JSON', async (_name, payload, type) => {
    await webhookApp();
    const response = await post(payload, 'wrong-secret-0123456789abcdef', type);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ statusCode: 401, error: 'unauthorized' });
    expect(t!.api.calls).toEqual([]);
  });

  it('an authenticated body over the limit gets 413 saying the real limit', async () => {
    await webhookApp();
    const response = await post(JSON.stringify({ update_id: 1, x: 'y'.repeat(2_000_000) }));
    expect(response.statusCode).toBe(413);
    expect(response.json().message).not.toContain('（最多 4 KB）');
    expect(response.json().message).toMatch(/\d+ KB/);
  });
});

describe('webhook: updates are validated', () => {
  it.each(['null', '[]', '"text"', '{}', '{"update_id":"1"}'])('%s is a 400, never a 500', async (payload) => {
    await webhookApp();
    const response = await post(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ statusCode: 400, error: 'invalid_update' });
    expect(errorsLogged()).toEqual([]);
  });

  it.each([
    ['text as a number', 123],
    ['text as an object', { toString: 'x' }],
    ['text as an array', ['东江湖']],
  ])('a message with %s is ignored with 200 and a warning, no apology and no TypeError', async (_name, text) => {
    await webhookApp();
    const update = message('东江湖的水质怎么样') as unknown as { message: Record<string, unknown> };
    update.message.text = text;
    const response = await post(JSON.stringify(update));
    expect(response.statusCode).toBe(200);
    expect(t!.api.callsTo('sendMessage')).toEqual([]);
    expect(errorsLogged()).toEqual([]);
    // Nothing is silently ignored: the app's log says which update and why.
  });

  it('a valid update is still answered', async () => {
    await webhookApp();
    const response = await post(JSON.stringify(message('东江湖的水质怎么样')));
    expect(response.statusCode).toBe(200);
    expect(t!.api.callsTo('sendMessage')[0]!.payload.text).toContain('<blockquote>');
  });
});

describe('webhook: a Bot API that never answers', () => {
  it('a bot that has not started yet answers 503 at once, so Telegram redelivers later', async () => {
    // No botInfo and an API root nobody listens on: bot.init() cannot finish.
    const { logger } = captureLogger();
    const bot = createBot(TOKEN, { engine, recorder: createMemoryRecorder(), logger, apiRoot: 'http://127.0.0.1:9' });
    app = await makeApp(engine, { plugins: [telegramWebhook(bot, SECRET)], logger: pino({ level: 'silent' }) });
    const started = Date.now();
    const response = await post(JSON.stringify(message('东江湖的水质怎么样')));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBeDefined();
    expect(response.json()).toMatchObject({ statusCode: 503, error: 'bot_not_ready' });
  });

  it('a started bot whose replies cannot reach the Bot API still answers Telegram within 5 s', async () => {
    // Each reply hangs until the retry gives up.
    const silent = await startSilentServer();
    try {
      const { logger } = captureLogger();
      const bot = createBot(TOKEN, { engine, recorder: createMemoryRecorder(), logger, apiRoot: silent.url, botInfo: TEST_BOT });
      app = await makeApp(engine, { plugins: [telegramWebhook(bot, SECRET)], logger: pino({ level: 'silent' }) });
      const started = Date.now();
      const response = await post(JSON.stringify(message('东江湖的水质怎么样')));
      expect(Date.now() - started).toBeLessThan(7_000);
      expect(response.statusCode).toBe(200);
    } finally {
      silent.close();
    }
  });
});
