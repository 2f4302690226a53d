import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { startBot, type RunningBot } from '../../src/bot/index.js';
import { captureLogger, createTestBot, loadShippedEngine, message, type TestBot } from './setup.js';

let engine: Engine;
let t: TestBot;
let running: RunningBot | undefined;

beforeAll(async () => {
  engine = await loadShippedEngine();
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
  await t?.close();
});

const updateOf = (text: string) => {
  const { update_id: _, ...rest } = message(text);
  return rest;
};

describe('long polling against the fake Bot API', () => {
  it('removes any webhook, sets the commands, then answers updates as they arrive', async () => {
    t = await createTestBot(engine);
    running = startBot(t.bot, { kind: 'polling' }, captureLogger().logger);
    await running.connected;
    expect(t.api.calls.map((c) => c.method)).toEqual(['setMyCommands', 'deleteWebhook']);
    t.api.push(updateOf('郴州为什么要对接大湾区'));
    t.api.push(updateOf('今天天气怎么样'));
    const [answer, declined] = await t.api.waitFor('sendMessage', 2);
    expect(answer!.payload.text).toContain('<blockquote>');
    expect(declined!.payload.text).toContain('没有找到');
  });

  it('stop() stops receiving and waits for the answer in flight', async () => {
    t = await createTestBot(engine);
    running = startBot(t.bot, { kind: 'polling' }, captureLogger().logger);
    await running.connected;
    // The reply hits a 429 with retry_after 1 s, so the answer is still in flight when stop() is called.
    t.api.failNext(1, { code: 429, retryAfter: 1 });
    t.api.push(updateOf('郴州为什么要对接大湾区'));
    await t.api.waitFor('sendMessage', 1);
    const stopped = Date.now();
    await running.stop();
    expect(Date.now() - stopped).toBeGreaterThan(500);
    expect(t.api.callsTo('sendMessage')).toHaveLength(2);
    // Nothing is fetched or answered after stop.
    t.api.push(updateOf('郴州为什么要对接大湾区'));
    await new Promise((r) => setTimeout(r, 200));
    expect(t.api.callsTo('sendMessage')).toHaveLength(2);
  });
});
