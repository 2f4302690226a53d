import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { ALICE, BOB, buttonsOf, callback, createTestBot, loadShippedEngine, message, type TestBot } from './setup.js';

let engine: Engine;
let t: TestBot;
const QUESTION = '郴州为什么要对接大湾区';

beforeAll(async () => {
  engine = await loadShippedEngine();
  // The 更多 test needs a question with more than one page of results.
  expect(engine.answer(QUESTION, { limit: 10 }).results.length).toBeGreaterThan(3);
});
afterEach(() => t?.close());

/** Asks QUESTION and returns the sent answer's message id and buttons. */
async function ask(): Promise<{ messageId: number; buttons: string[] }> {
  await t.bot.handleUpdate(message(QUESTION));
  const sent = t.api.callsTo('sendMessage').at(-1)!;
  // The fake API numbers sent messages from 1000 in order.
  return { messageId: 999 + t.api.callsTo('sendMessage').length, buttons: buttonsOf(sent) };
}

describe('answer buttons', () => {
  it('👍 records feedback for each passage shown, once per user, and acknowledges', async () => {
    t = await createTestBot(engine);
    const { messageId, buttons } = await ask();
    const up = buttons.find((b) => b.startsWith('f:u:'))!;
    await t.bot.handleUpdate(callback(up, messageId));
    const shown = t.recorder.questions[0]!.passageIds;
    expect(t.recorder.feedback.map((f) => [f.passageId, f.vote, f.question])).toEqual(shown.map((id) => [id, 'up', QUESTION]));
    expect(t.recorder.feedback[0]!.userHash).toMatch(/^[0-9a-f]{64}$/);
    expect(t.api.callsTo('answerCallbackQuery')[0]!.payload).toMatchObject({ text: expect.stringContaining('谢谢') });

    await t.bot.handleUpdate(callback(up, messageId));
    expect(t.recorder.feedback).toHaveLength(shown.length);
    expect(t.api.callsTo('answerCallbackQuery')[1]!.payload.text).toContain('已经反馈过');

    const down = buttons.find((b) => b.startsWith('f:d:'))!;
    await t.bot.handleUpdate(callback(down, messageId, BOB));
    expect(t.recorder.feedback.slice(shown.length).every((f) => f.vote === 'down')).toBe(true);
  });

  it('更多 sends the next page as a reply and drops the button from the first message', async () => {
    t = await createTestBot(engine);
    const { messageId, buttons } = await ask();
    const more = buttons.find((b) => b.startsWith('m:'))!;
    expect(more).toBeDefined();
    await t.bot.handleUpdate(callback(more, messageId));

    const [, followUp] = t.api.callsTo('sendMessage');
    const page2 = engine.answer(QUESTION, { limit: 3, offset: 3 }).results;
    expect(followUp!.payload.text).toContain('（续）');
    expect([...followUp!.payload.text.matchAll(/第(\d+)段/g)].map((m: RegExpMatchArray) => Number(m[1]))).toEqual(page2.map((r) => r.paragraph));
    expect(followUp!.payload.reply_parameters).toMatchObject({ message_id: messageId });
    expect(t.api.callsTo('answerCallbackQuery')).toHaveLength(1);
    const [edit] = t.api.callsTo('editMessageReplyMarkup');
    expect(edit!.payload).toMatchObject({ chat_id: ALICE.id, message_id: messageId });
    expect(buttonsOf(edit!).some((b) => b.startsWith('m:'))).toBe(false);
    // The new page has its own 👍/👎, recorded against its own passages.
    const up2 = buttonsOf(followUp!).find((b) => b.startsWith('f:u:'))!;
    await t.bot.handleUpdate(callback(up2, messageId + 1));
    expect(t.recorder.feedback.map((f) => f.passageId)).toEqual(page2.map((r) => r.passageId));
  });

  it('👎 on an answer about the article itself (its byline) is recorded against the byline', async () => {
    t = await createTestBot(engine);
    const question = '这篇文章的作者是哪位?';
    await t.bot.handleUpdate(message(question));
    const sent = t.api.callsTo('sendMessage').at(-1)!;
    expect(sent.payload.text).toContain(engine.articles()[0]!.author!);
    const down = buttonsOf(sent).find((b) => b.startsWith('f:d:'))!;
    await t.bot.handleUpdate(callback(down, 1000));
    expect(t.recorder.feedback.map((f) => [f.passageId, f.vote, f.question])).toEqual([[`${engine.articles()[0]!.id}:author`, 'down', question]]);
    expect(t.api.callsTo('answerCallbackQuery')[0]!.payload.text).toContain('谢谢');
  });

  it('an unknown or expired button answers the callback instead of leaving a spinner', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(callback('f:u:gone1234', 5));
    await t.bot.handleUpdate(callback('m:gone1234', 5));
    await t.bot.handleUpdate(callback('something-old', 5));
    const acks = t.api.callsTo('answerCallbackQuery');
    expect(acks).toHaveLength(3);
    expect(acks[0]!.payload.text).toContain('过期');
    expect(acks[1]!.payload.text).toContain('过期');
    expect(t.recorder.feedback).toEqual([]);
    expect(t.api.callsTo('sendMessage')).toEqual([]);
  });
});
