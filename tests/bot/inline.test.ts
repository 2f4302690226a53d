import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { createTestBot, inlineQuery, loadShippedEngine, type TestBot } from './setup.js';

let engine: Engine;
let t: TestBot;

beforeAll(async () => {
  engine = await loadShippedEngine();
});
afterEach(() => t?.close());

describe('inline mode', () => {
  it('returns up to five ready-to-send excerpts with citations', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(inlineQuery('郴州为什么要对接大湾区'));
    const [call] = t.api.callsTo('answerInlineQuery');
    const results: Array<Record<string, any>> = call!.payload.results;
    const expected = engine.answer('郴州为什么要对接大湾区', { limit: 5 }).results;
    expect(results.length).toBe(expected.length);
    expect(results.length).toBeGreaterThan(1);
    expect(results.length).toBeLessThanOrEqual(5);
    for (const [i, r] of results.entries()) {
      expect(r.type).toBe('article');
      expect(Buffer.byteLength(r.id)).toBeLessThanOrEqual(64);
      expect(r.title).toContain('《向南开放看郴州》');
      expect(r.description).toBe(expected[i]!.excerpt);
      expect(r.input_message_content.parse_mode).toBe('HTML');
      expect(r.input_message_content.message_text).toMatch(/<blockquote>[\s\S]+<\/blockquote>\n——《向南开放看郴州》/);
    }
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
    expect(t.recorder.questions[0]).toMatchObject({ chatType: 'inline', answered: true });
  });

  it('offers a button to the private chat when the query is empty or has no answer', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(inlineQuery('  '));
    await t.bot.handleUpdate(inlineQuery('今天天气怎么样'));
    const [empty, declined] = t.api.callsTo('answerInlineQuery');
    expect(empty!.payload.results).toEqual([]);
    expect(empty!.payload.button).toMatchObject({ start_parameter: 'inline' });
    expect(declined!.payload.results).toEqual([]);
    expect(declined!.payload.button.text).toContain('没有答案');
  });
});
