import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { TEST_BOT } from '../helpers/fake-bot-api.js';
import { BOB, createTestBot, GROUP, loadShippedEngine, message, type TestBot } from './setup.js';

let engine: Engine;
let t: TestBot;

beforeAll(async () => {
  engine = await loadShippedEngine();
});
afterEach(() => t?.close());

const botMessage = { message_id: 77, date: 0, chat: GROUP, from: { id: TEST_BOT.id, is_bot: true, first_name: '出处' }, text: '……' };

describe('groups', () => {
  it('stays silent on a message that does not address the bot', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('郴州为什么要对接大湾区', { chat: 'group' }));
    await t.bot.handleUpdate(message('@SomeoneElse 郴州为什么要对接大湾区', { chat: 'group' }));
    await t.bot.handleUpdate(message('/ask@OtherBot 郴州为什么要对接大湾区', { chat: 'group' }));
    await t.bot.handleUpdate(message('回复别人', { chat: 'group', replyTo: { ...botMessage, from: { id: 5, is_bot: false, first_name: 'x' } } }));
    expect(t.api.calls).toEqual([]);
    expect(t.recorder.questions).toEqual([]);
  });

  it.each([
    ['an @mention', '@ChuchuTestBot 郴州为什么要对接大湾区', undefined],
    ['a mention in the middle, any case', '请问 @chuchutestbot，郴州为什么要对接大湾区', undefined],
    ['/ask@BotName', '/ask@ChuchuTestBot 郴州为什么要对接大湾区', undefined],
    ['/ask', '/ask 郴州为什么要对接大湾区', undefined],
    ['a reply to the bot', '郴州为什么要对接大湾区', botMessage],
  ])('answers %s, replying to the asking message', async (_name, text, replyTo) => {
    t = await createTestBot(engine);
    const update = message(text, { chat: 'group', from: BOB, ...(replyTo ? { replyTo } : {}) });
    await t.bot.handleUpdate(update);
    const [call, ...rest] = t.api.callsTo('sendMessage');
    expect(rest).toEqual([]);
    expect(call!.payload.chat_id).toBe(GROUP.id);
    expect(call!.payload.reply_parameters).toMatchObject({ message_id: update.message!.message_id });
    // The mention and the command are stripped before asking.
    expect(call!.payload.text).toContain('❓ ');
    expect(call!.payload.text).not.toMatch(/@chuchutestbot|\/ask/i);
    expect(t.recorder.questions[0]).toMatchObject({ chatType: 'supergroup', question: expect.stringMatching(/^(请问 )?郴州为什么要对接大湾区$/) });
  });

  it('asks for a question when the mention is alone', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('@ChuchuTestBot', { chat: 'group' }));
    expect(t.api.callsTo('sendMessage')[0]!.payload.text).toContain('@我');
  });

  it('ignores a sticker in a group', async () => {
    t = await createTestBot(engine);
    const update = message('x', { chat: 'group' });
    delete (update.message as { text?: string }).text;
    Object.assign(update.message!, { sticker: { file_id: 's', file_unique_id: 's', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } });
    await t.bot.handleUpdate(update);
    expect(t.api.calls).toEqual([]);
  });
});
