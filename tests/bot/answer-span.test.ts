import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { createTestBot, inlineQuery, loadShippedEngine, message, type TestBot } from './setup.js';

let engine: Engine;
let t: TestBot;

beforeAll(async () => {
  engine = await loadShippedEngine();
});
afterEach(() => t?.close());

/** The text inside the first <b><u>…</u></b> of a message: the marked answer. */
const markedAnswer = (html: string) => /<b><u>([^<]+)<\/u><\/b>/u.exec(html)?.[1] ?? null;

describe('the answer span in Telegram (fake Bot API)', () => {
  it('shows the answer bold and underlined, and the question\'s words bold as before', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('郴州的省级文物保护单位有几处？'));
    const text: string = t.api.callsTo('sendMessage')[0]!.payload.text;
    expect(markedAnswer(text)).toBe('98处');
    expect(text).toMatch(/<b>[^<]*文物保护单位[^<]*<\/b>/u);
    // One marked answer per excerpt at most, and the tags balance.
    expect((text.match(/<b><u>/gu) ?? []).length).toBeLessThanOrEqual((text.match(/<blockquote>/gu) ?? []).length);
    expect((text.match(/<b>/gu) ?? []).length).toBe((text.match(/<\/b>/gu) ?? []).length);
  });

  it('marks the answer in the asker\'s script, on the same characters, for a Cantonese question', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('由郴州去深圳要幾耐？'));
    const text: string = t.api.callsTo('sendMessage')[0]!.payload.text;
    expect(markedAnswer(text)).toBe('2個小時');
  });

  it('marks nothing when the question asks for nothing in particular', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('请介绍郴州对接大湾区的情况'));
    const text: string = t.api.callsTo('sendMessage')[0]!.payload.text;
    expect(text).toContain('<blockquote>');
    expect(text).not.toContain('<u>');
  });

  it('marks the answer in inline results too', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(inlineQuery('郴州红色旅游资源有多少处'));
    const [call] = t.api.callsTo('answerInlineQuery');
    const first = call!.payload.results[0].input_message_content.message_text as string;
    expect(markedAnswer(first)).toBe('30余处');
  });
});
