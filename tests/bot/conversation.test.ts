import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { ALICE, BOB, createTestBot, loadShippedEngine, message, type TestBot } from './setup.js';

let engine: Engine;
let t: TestBot;

beforeAll(async () => {
  engine = await loadShippedEngine();
});
afterEach(() => t?.close());

const sent = () => t.api.callsTo('sendMessage');
const lastText = () => sent().at(-1)!.payload.text as string;
const lastPlain = () => lastText().replace(/<[^>]+>/gu, '');
const UNDERSTOOD = '按上文理解为';

describe('Telegram conversations', () => {
  it('a private chat is one conversation: a follow-up is completed and said so', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('郴州有几个国家级高新区?'));
    expect(lastText()).not.toContain(UNDERSTOOD);
    await t.bot.handleUpdate(message('那综保区呢?'));
    expect(lastText()).toContain(`${UNDERSTOOD}：郴州有几个国家级综保区`);
    expect(lastText()).toMatch(/<b>[^<]*综保区<\/b>/u);
    // An off-topic follow-up is still declined, and the next follow-up still has the topic.
    await t.bot.handleUpdate(message('那后天会下雨吗?'));
    expect(lastText()).toContain('抱歉');
    await t.bot.handleUpdate(message('省级的呢?'));
    expect(lastText()).toContain(`${UNDERSTOOD}：郴州有几个省级`);
    // The record keeps what the user typed.
    expect(t.recorder.questions.map((q) => q.question)).toEqual(['郴州有几个国家级高新区?', '那综保区呢?', '那后天会下雨吗?', '省级的呢?']);
  });

  it('two people in one private chat each: conversations do not mix', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('郴州有几个国家级高新区?', { from: ALICE }));
    await t.bot.handleUpdate(message('省级的呢?', { from: BOB }));
    expect(lastText()).not.toContain(UNDERSTOOD);
  });

  it('in a group each member has their own conversation, and a reply to an answer continues its thread', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('@ChuchuTestBot 郴州有几个国家级高新区?', { chat: 'group', from: ALICE }));
    const aliceAnswer = sent().at(-1)!.result as { message_id: number };
    await t.bot.handleUpdate(message('@ChuchuTestBot 武水流经哪些地方?', { chat: 'group', from: BOB }));
    const bobAnswer = sent().at(-1)!.result as { message_id: number };
    // Alice's own follow-up: her topic, not Bob's later one.
    await t.bot.handleUpdate(message('@ChuchuTestBot 那综保区呢?', { chat: 'group', from: ALICE }));
    expect(lastText()).toContain(`${UNDERSTOOD}：郴州有几个国家级综保区`);
    // Bob replies to Alice's answer: he continues that thread.
    const botFrom = { id: 424242, is_bot: true, first_name: '出处' };
    const replyTo = (id: number) => ({ message_id: id, date: 0, chat: { id: -1001234, type: 'supergroup' as const, title: '读书会' }, from: botFrom, text: '…' });
    await t.bot.handleUpdate(message('省级的呢?', { chat: 'group', from: BOB, replyTo: { ...replyTo(aliceAnswer.message_id), from: { ...botFrom, id: t.bot.botInfo.id } } }));
    expect(lastText()).toContain(`${UNDERSTOOD}：郴州有几个省级`);
    // And replying to his own answer continues his.
    await t.bot.handleUpdate(message('那湟水呢?', { chat: 'group', from: BOB, replyTo: { ...replyTo(bobAnswer.message_id), from: { ...botFrom, id: t.bot.botInfo.id } } }));
    expect(lastText()).toContain(`${UNDERSTOOD}：湟水流经`);
  });

  it("answers in the asker's script, the bot's own words included", async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('東江湖蓄水量有多少立方米?'));
    expect(lastPlain()).toContain('東江湖蓄水量81.2億立方米');
    expect(lastText()).toContain('——《向南開放看郴州》· 底氣十足 · 第');
    await t.bot.handleUpdate(message('聽日會唔會落雨?'));
    expect(lastText()).toContain('抱歉，知識庫');
    expect(lastText()).not.toMatch(/[这里没问题时]/u);
  });

  it('answers who wrote the article from the byline', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('呢篇文章係邊個寫嘅?'));
    expect(lastText()).toContain('<blockquote>郴州日報·今日郴州客户端全媒體記者 <b>王路莎</b></blockquote>');
    expect(lastText()).toContain('——《向南開放看郴州》· 署名');
    expect(lastText()).not.toContain('第0段');
  });
});
