/** Finding 3: with the Bot API down the bot starts anyway, says so once, and recovers when the API is back. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { createBot, startBot, type RunningBot } from '../../src/bot/index.js';
import { createMemoryRecorder } from '../../src/records/recorder.js';
import { startFakeBotApi, type FakeBotApi } from '../helpers/fake-bot-api.js';
import { captureLogger, loadShippedEngine, message, TOKEN } from './setup.js';

let engine: Engine;
let api: FakeBotApi | undefined;
let running: RunningBot | undefined;
beforeAll(async () => {
  engine = await loadShippedEngine();
});
afterEach(async () => {
  await running?.stop();
  await api?.close();
  running = undefined;
  api = undefined;
});

const FAST = { reconnectDelayMs: 100, maxReconnectDelayMs: 200, pollRetryMs: 100 };
const RETRY = { maxRetries: 1, baseDelayMs: 50, callTimeoutMs: 1_000 };

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const updateOf = (text: string) => {
  const { update_id: _, ...rest } = message(text);
  return rest;
};

describe('the Bot API going down and coming back', () => {
  it('starts at once while the API is down, logs it once, connects when it is back, and answers', async () => {
    // Find a port, then take the API down: the bot starts against a closed port.
    const first = await startFakeBotApi();
    const port = Number(new URL(first.apiRoot).port);
    await first.close();

    const { logger, lines } = captureLogger();
    const bot = createBot(TOKEN, { engine, recorder: createMemoryRecorder(), logger, apiRoot: `http://127.0.0.1:${port}`, retry: RETRY });
    const started = Date.now();
    running = startBot(bot, { kind: 'polling' }, logger, FAST);
    expect(Date.now() - started).toBeLessThan(100);
    await until(() => running!.state() === 'unreachable');
    // Several attempts fail while it is down, yet one line says so.
    await new Promise((r) => setTimeout(r, 800));
    expect(lines.filter((l) => l.includes('Bot API unreachable'))).toHaveLength(1);

    api = await startFakeBotApi(undefined, { port });
    await running.connected;
    expect(running.state()).toBe('connected');
    expect(lines.filter((l) => l.includes('Bot API reachable again'))).toHaveLength(1);
    api.push(updateOf('东江湖的水质怎么样'));
    const [reply] = await api.waitFor('sendMessage', 1);
    expect(reply!.payload.text).toContain('<blockquote>');
  }, 30_000);

  it('while polling, an outage and a recovery are two log lines, and updates flow again after', async () => {
    api = await startFakeBotApi();
    const port = Number(new URL(api.apiRoot).port);
    const { logger, lines } = captureLogger();
    const bot = createBot(TOKEN, { engine, recorder: createMemoryRecorder(), logger, apiRoot: api.apiRoot, retry: RETRY });
    running = startBot(bot, { kind: 'polling' }, logger, FAST);
    await running.connected;

    await api.close();
    await until(() => running!.state() === 'unreachable');
    await new Promise((r) => setTimeout(r, 600));
    api = await startFakeBotApi(undefined, { port });
    await until(() => running!.state() === 'connected');
    expect(lines.filter((l) => l.includes('Bot API unreachable'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('Bot API reachable again'))).toHaveLength(1);

    api.push(updateOf('东江湖的水质怎么样'));
    const [reply] = await api.waitFor('sendMessage', 1);
    expect(reply!.payload.text).toContain('<blockquote>');
  }, 30_000);

  it('stop() ends the reconnect loop at once', async () => {
    const { logger } = captureLogger();
    const bot = createBot(TOKEN, { engine, recorder: createMemoryRecorder(), logger, apiRoot: 'http://127.0.0.1:9', retry: RETRY });
    const r = startBot(bot, { kind: 'webhook', url: 'https://bot.example.com/telegram/webhook', secret: 'a-very-long-webhook-secret_123' }, logger, FAST);
    await until(() => r.state() === 'unreachable');
    const stopping = Date.now();
    await r.stop();
    expect(Date.now() - stopping).toBeLessThan(1_500);
    expect(r.state()).toBe('stopped');
  });

  it('says the Bot API is unreachable at the first failed call, not after the retries', async () => {
    const { logger, lines } = captureLogger();
    // Production retries (up to 3 within 20 s): the log must not wait for them.
    const bot = createBot(TOKEN, { engine, recorder: createMemoryRecorder(), logger, apiRoot: 'http://127.0.0.1:9' });
    running = startBot(bot, { kind: 'polling' }, logger, FAST);
    await until(() => running!.state() === 'unreachable', 1_500);
    expect(lines.filter((l) => l.includes('Bot API unreachable'))).toHaveLength(1);
  });
});
