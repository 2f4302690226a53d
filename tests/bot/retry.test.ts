/** Finding 3: every Bot API retry is bounded in count and in time, network errors included. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { createBot } from '../../src/bot/index.js';
import { createMemoryRecorder } from '../../src/records/recorder.js';
import { TEST_BOT } from '../helpers/fake-bot-api.js';
import { startSilentServer } from '../helpers/silent-server.js';
import { captureLogger, createTestBot, loadShippedEngine, message, TOKEN, type TestBot } from './setup.js';

let engine: Engine;
let t: TestBot | undefined;
beforeAll(async () => {
  engine = await loadShippedEngine();
});
afterEach(() => t?.close());

describe('bounded retries', () => {
  it('an unreachable Bot API costs one update a bounded time, then the error boundary logs it', async () => {
    const { logger, lines } = captureLogger();
    // Port 9 (discard) on loopback: connection refused at once, a network error every time.
    const bot = createBot(TOKEN, {
      engine,
      recorder: createMemoryRecorder(),
      logger,
      apiRoot: 'http://127.0.0.1:9',
      botInfo: TEST_BOT,
      retry: { maxRetries: 2, baseDelayMs: 100, maxTotalMs: 2_000 },
    });
    const started = Date.now();
    await bot.handleUpdate(message('东江湖的水质怎么样'));
    const elapsed = Date.now() - started;
    // Two retries (100 + 200 ms) for the answer, then the apology fails the same bounded way.
    expect(elapsed).toBeLessThan(5_000);
    expect(lines.some((l) => l.includes('bot: update failed'))).toBe(true);
  });

  it('a 5xx is retried at most maxRetries times', async () => {
    t = await createTestBot(engine, { retry: { maxRetries: 2, baseDelayMs: 50 } });
    t.api.failNext(10, { code: 500 });
    await t.bot.handleUpdate(message('东江湖的水质怎么样'));
    // The answer: 1 try + 2 retries; the apology: the same.
    expect(t.api.callsTo('sendMessage')).toHaveLength(6);
  });

  it('a retry_after beyond the total budget is not waited for', async () => {
    t = await createTestBot(engine, { retry: { maxTotalMs: 1_000 } });
    t.api.failNext(1, { code: 429, retryAfter: 30 });
    const started = Date.now();
    await t.bot.handleUpdate(message('东江湖的水质怎么样'));
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('a call that hangs is abandoned after callTimeoutMs', async () => {
    const { logger } = captureLogger();
    const silent = await startSilentServer();
    try {
      const bot = createBot(TOKEN, {
        engine,
        recorder: createMemoryRecorder(),
        logger,
        apiRoot: silent.url,
        botInfo: TEST_BOT,
        retry: { maxRetries: 1, callTimeoutMs: 300, baseDelayMs: 50 },
      });
      const started = Date.now();
      await bot.handleUpdate(message('东江湖的水质怎么样'));
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      silent.close();
    }
  });
});
