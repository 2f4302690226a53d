import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { BOB, createTestBot, loadShippedEngine, message, TOKEN, type TestBot } from './setup.js';

let engine: Engine;
let t: TestBot;

beforeAll(async () => {
  engine = await loadShippedEngine();
});
afterEach(() => t?.close());

describe('resilience', () => {
  it('retries a 429 after retry_after and still delivers the answer', async () => {
    t = await createTestBot(engine);
    t.api.failNext(1, { code: 429, retryAfter: 1 });
    const started = Date.now();
    await t.bot.handleUpdate(message('郴州为什么要对接大湾区'));
    const sends = t.api.callsTo('sendMessage');
    expect(sends).toHaveLength(2);
    expect(sends[1]!.payload.text).toBe(sends[0]!.payload.text);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('a 500 fails one update: logged, apology attempted, and the next update is answered', async () => {
    // Production retries 5xx with a 1 s backoff, doubling; no retries here keeps the test fast and shows the boundary.
    t = await createTestBot(engine, { retry: { maxRetries: 0 } });
    t.api.failNext(1, { code: 500 });
    await expect(t.bot.handleUpdate(message('郴州为什么要对接大湾区'))).resolves.toBeUndefined();
    const [failed, apology] = t.api.callsTo('sendMessage');
    expect(failed!.payload.text).toContain('❓');
    expect(apology!.payload.text).toContain('抱歉');
    const errorLine = t.lines.find((l) => l.includes('bot: update failed'));
    expect(errorLine).toContain('Internal Server Error');

    await t.bot.handleUpdate(message('郴州为什么要对接大湾区'));
    expect(t.api.callsTo('sendMessage')[2]!.payload.text).toContain('<blockquote>');
  });

  it('survives a 500 on the apology too', async () => {
    t = await createTestBot(engine, { retry: { maxRetries: 0 } });
    t.api.failNext(2, { code: 500 });
    await expect(t.bot.handleUpdate(message('郴州为什么要对接大湾区'))).resolves.toBeUndefined();
    expect(t.lines.some((l) => l.includes('bot: apology not sent'))).toBe(true);
  });

  it('never writes the token to the log', async () => {
    t = await createTestBot(engine, { retry: { maxRetries: 0 } });
    t.api.failNext(2, { code: 500 });
    await t.bot.handleUpdate(message('郴州为什么要对接大湾区'));
    expect(t.lines.length).toBeGreaterThan(0);
    for (const line of t.lines) expect(line).not.toContain(TOKEN.split(':')[1]);
  });

  it('rate-limits per user with one friendly warning', async () => {
    t = await createTestBot(engine, { rateLimitPerMinute: 2 });
    for (let i = 0; i < 4; i++) await t.bot.handleUpdate(message('郴州为什么要对接大湾区'));
    const texts = t.api.callsTo('sendMessage').map((c) => c.payload.text as string);
    expect(texts).toHaveLength(3);
    expect(texts[2]).toContain('稍等');
    expect(t.recorder.questions).toHaveLength(2);
    // Another user is not affected.
    await t.bot.handleUpdate(message('郴州为什么要对接大湾区', { from: BOB }));
    expect(t.api.callsTo('sendMessage')[3]!.payload.text).toContain('<blockquote>');
  });

  it('a throwing recorder does not cost the answer', async () => {
    t = await createTestBot(engine, {
      recorder: {
        recordQuestion: () => {
          throw new Error('disk full');
        },
        recordFeedback: () => undefined,
      },
    });
    await t.bot.handleUpdate(message('郴州为什么要对接大湾区'));
    expect(t.api.callsTo('sendMessage')[0]!.payload.text).toContain('<blockquote>');
    expect(t.lines.some((l) => l.includes('disk full'))).toBe(true);
  });
});
