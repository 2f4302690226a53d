/** Nothing lost, Telegram: keyboards never carry an empty row; a stale 更多 never sends a page twice. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { answerKeyboard, didYouMeanKeyboard } from '../../src/bot/keyboard.js';
import { callback, createTestBot, loadShippedEngine, message, type TestBot } from './setup.js';

let engine: Engine;
let t: TestBot | undefined;
beforeAll(async () => {
  engine = await loadShippedEngine();
});
afterEach(() => t?.close());

const rowsOf = (markup: unknown): unknown[][] => {
  // An inline keyboard, or a reply keyboard (/start offers example questions as one).
  const rows = (markup as { inline_keyboard?: unknown[][]; keyboard?: unknown[][] }).inline_keyboard ?? (markup as { keyboard?: unknown[][] }).keyboard;
  if (!rows) throw new Error(`no keyboard rows: ${JSON.stringify(markup)}`);
  return rows;
};

describe('keyboards', () => {
  it.each([1, 2, 3])('a "did you mean" keyboard of %i question(s) has one button per row and no empty row', (n) => {
    const rows = rowsOf(didYouMeanKeyboard('abc', Array.from({ length: n }, (_, i) => `问题${i}`)));
    expect(rows).toHaveLength(n);
    for (const row of rows) expect(row).toHaveLength(1);
  });

  it.each([true, false])('an answer keyboard (更多: %s) has no empty row', (hasMore) => {
    for (const row of rowsOf(answerKeyboard('abc', hasMore))) expect(row.length).toBeGreaterThan(0);
  });

  it('no message the bot sends, as a new user tries it, carries an empty keyboard row', async () => {
    t = await createTestBot(engine);
    // A new user's first tries: greeting, an answer, a decline, a near-miss of the FAQ, nonsense.
    for (const text of ['/start', '东江湖的水质怎么样', '今天天气怎么样', '郴州有什么好玩的', '大湾区角色', '啊啊啊', '/help']) {
      await t.bot.handleUpdate(message(text));
    }
    const keyboards = t.api.calls.map((c) => c.payload.reply_markup).filter(Boolean);
    expect(keyboards.length).toBeGreaterThan(0);
    for (const k of keyboards) for (const row of rowsOf(k)) expect(row.length).toBeGreaterThan(0);
  });
});

describe('a stale 更多 button', () => {
  it('pressed again does not send the same page twice', async () => {
    t = await createTestBot(engine);
    const question = '郴州为什么要对接大湾区';
    expect(engine.answer(question, { limit: 10 }).results.length).toBeGreaterThan(3);
    await t.bot.handleUpdate(message(question));
    const first = t.api.callsTo('sendMessage').at(-1)!;
    const more = (rowsOf(first.payload.reply_markup).flat() as Array<{ callback_data: string }>).find((b) => b.callback_data.startsWith('m:'))!;
    const messageId = 1000;
    await t.bot.handleUpdate(callback(more.callback_data, messageId));
    const afterFirstPress = t.api.callsTo('sendMessage').length;
    // The client still shows the old button (the edit that removed it was lost, or the user double-tapped).
    await t.bot.handleUpdate(callback(more.callback_data, messageId));
    await t.bot.handleUpdate(callback(more.callback_data, messageId));
    expect(t.api.callsTo('sendMessage')).toHaveLength(afterFirstPress);
    // The press is acknowledged, not left spinning.
    expect(t.api.callsTo('answerCallbackQuery')).toHaveLength(3);
  });
});
