/**
 * Telegram faults not covered by tests/bot/resilience.test.ts (which has one 429 and a rethrown 500):
 * production's retry of a 500, connection refused for a while, a request that never answers,
 * and other chats being served while one chat's reply waits out a 429.
 * Each test has its own fake Bot API and bot, so they run concurrently (~4 s in all).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { createBot } from '../../src/bot/index.js';
import { createMemoryRecorder } from '../../src/records/recorder.js';
import { startFakeBotApi, TEST_BOT } from '../helpers/fake-bot-api.js';
import { ALICE, BOB, captureLogger, loadShippedEngine, message, TOKEN } from '../bot/setup.js';
import { startFlakyProxy } from './flaky-proxy.js';

const QUESTION = '郴州为什么要对接大湾区';
let engine: Engine;
const cleanups: Array<() => Promise<void>> = [];
beforeAll(async () => {
  engine = await loadShippedEngine();
});
afterAll(async () => {
  for (const c of cleanups) await c();
});

/** The production bot (default retry settings) behind a flaky proxy in front of a fake Bot API. */
async function setup() {
  const api = await startFakeBotApi();
  const proxy = await startFlakyProxy(api.apiRoot);
  const { logger, lines } = captureLogger();
  const bot = createBot(TOKEN, { engine, recorder: createMemoryRecorder(), logger, apiRoot: proxy.apiRoot, botInfo: TEST_BOT, hashSalt: 'salt-salt' });
  cleanups.push(() => proxy.close(), () => api.close());
  return { api, proxy, bot, lines };
}

const answered = (calls: Array<{ payload: Record<string, any> }>, chatId: number) =>
  calls.filter((c) => c.payload.chat_id === chatId && String(c.payload.text).includes('<blockquote>'));

describe.concurrent('Telegram API faults', () => {
  it('retries a 500 (production settings) and delivers', async () => {
    const { api, bot } = await setup();
    api.failNext(1, { code: 500 });
    await bot.handleUpdate(message(QUESTION));
    // The fake API records the failed call too: the same message, sent again.
    const [failed, retried] = answered(api.callsTo('sendMessage'), ALICE.id);
    expect(retried?.payload.text).toBe(failed!.payload.text);
  });

  it('keeps retrying while the connection is refused, and delivers once the API is back', async () => {
    const { api, proxy, bot, lines } = await setup();
    await proxy.down();
    const handled = bot.handleUpdate(message(QUESTION));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(api.callsTo('sendMessage')).toHaveLength(0);
    await proxy.up();
    await handled;
    expect(answered(api.callsTo('sendMessage'), ALICE.id)).toHaveLength(1);
    // The token is in the URL of every failed request: it must not reach the log.
    for (const line of lines) expect(line).not.toContain(TOKEN.split(':')[1]);
  });

  it('a request cut without an answer (a timeout) is retried and delivered', async () => {
    const { api, proxy, bot } = await setup();
    proxy.drop(300);
    const handled = bot.handleUpdate(message(QUESTION));
    await new Promise((r) => setTimeout(r, 600));
    proxy.pass();
    await handled;
    expect(answered(api.callsTo('sendMessage'), ALICE.id)).toHaveLength(1);
  });

  it('serves other chats while one chat waits out a 429', async () => {
    const { api, bot } = await setup();
    api.failNext(1, { code: 429, retryAfter: 2 });
    const started = Date.now();
    const alice = bot.handleUpdate(message(QUESTION, { from: ALICE })).then(() => Date.now() - started);
    await api.waitFor('sendMessage', 1);
    const bob = await bot.handleUpdate(message(QUESTION, { from: BOB })).then(() => Date.now() - started);
    expect(bob).toBeLessThan(1_500);
    expect(answered(api.callsTo('sendMessage'), BOB.id)).toHaveLength(1);
    expect(await alice).toBeGreaterThanOrEqual(1_900);
    expect(answered(api.callsTo('sendMessage'), ALICE.id)).toHaveLength(2);
  });
});
