import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { buttonsOf, createTestBot, loadShippedEngine, message, sticker, type TestBot, ALICE } from './setup.js';

let engine: Engine;
let t: TestBot;

beforeAll(async () => {
  engine = await loadShippedEngine();
});
afterEach(() => t?.close());

describe('private chat', () => {
  it('answers a question with quoted excerpts, bold terms, citations and buttons', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('郴州为什么要对接大湾区'));
    const [call, ...rest] = t.api.callsTo('sendMessage');
    expect(rest).toHaveLength(0);
    const { text, parse_mode, chat_id, reply_parameters } = call!.payload;
    expect(chat_id).toBe(ALICE.id);
    expect(parse_mode).toBe('HTML');
    expect(reply_parameters).toBeUndefined();
    expect(text).toContain('❓ 郴州为什么要对接大湾区');
    expect(text).toMatch(/<blockquote>.*<b>[^<]+<\/b>.*<\/blockquote>\n——《向南开放看郴州》· (\S+ · )?第\d+段/);
    // Shown in the engine's order, one page of three.
    const expected = engine.answer('郴州为什么要对接大湾区', { limit: 3 }).results;
    expect(text.match(/<blockquote>/g)).toHaveLength(expected.length);
    expect([...text.matchAll(/第(\d+)段/g)].map((m) => Number(m[1]))).toEqual(expected.map((r) => r.paragraph));
    const buttons = buttonsOf(call!);
    expect(buttons.slice(0, 2)).toEqual([expect.stringMatching(/^f:u:/), expect.stringMatching(/^f:d:/)]);
    for (const data of buttons) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
  });

  it('records the question with a salted user hash, never the id', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('郴州为什么要对接大湾区'));
    const [record] = t.recorder.questions;
    expect(record).toMatchObject({ channel: 'telegram', chatType: 'private', question: '郴州为什么要对接大湾区', answered: true });
    expect(record!.passageIds.length).toBeGreaterThan(0);
    expect(record!.scores).toHaveLength(record!.passageIds.length);
    expect(record!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(record!.userHash).toBe(createHash('sha256').update(`test-salt${ALICE.id}`).digest('hex'));
    expect(JSON.stringify(record)).not.toContain(String(ALICE.id));
  });

  it('declines plainly and says what the knowledge base covers', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('今天天气怎么样'));
    const [call] = t.api.callsTo('sendMessage');
    expect(call!.payload.text).toContain('知识库里没有找到“今天天气怎么样”的答案');
    expect(call!.payload.text).toContain('《向南开放看郴州》');
    expect(call!.payload.reply_markup).toBeUndefined();
    expect(t.recorder.questions[0]).toMatchObject({ answered: false, passageIds: [] });
  });

  it('escapes a hostile question', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('<script>alert(1)</script> & 大湾区 <b>'));
    const text: string = t.api.callsTo('sendMessage')[0]!.payload.text;
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; 大湾区 &lt;b&gt;');
    expect(text).not.toContain('<script>');
  });

  it('asks for a shorter question when it is too long, without crashing', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('郴州'.repeat(400)));
    const [call] = t.api.callsTo('sendMessage');
    expect(call!.payload.text).toMatch(/[\u4e00-\u9fff]/);
    expect(call!.payload.text).not.toContain('抱歉，处理这条消息时出了点问题');
    expect(t.recorder.questions).toHaveLength(0);
  });

  it('replies politely to a sticker', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(sticker());
    const [call] = t.api.callsTo('sendMessage');
    expect(call!.payload.text).toContain('我只能读懂文字');
    expect(t.recorder.questions).toHaveLength(0);
  });

  it('ignores an edited message (an edit is not a new question) without failing', async () => {
    t = await createTestBot(engine);
    const { update_id, message: edited } = message('郴州为什么要对接大湾区');
    await expect(t.bot.handleUpdate({ update_id, edited_message: { ...edited!, edit_date: 1 } } as never)).resolves.toBeUndefined();
    expect(t.api.calls).toEqual([]);
  });

  it('points to /help for an unknown command instead of treating it as a question', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('/frobnicate 郴州'));
    expect(t.api.callsTo('sendMessage')[0]!.payload.text).toContain('/help');
    expect(t.recorder.questions).toHaveLength(0);
  });
});

describe('commands', () => {
  it('/start says who it is, lists the articles, and offers example questions', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('/start'));
    const [call] = t.api.callsTo('sendMessage');
    expect(call!.payload.text).toContain('出处');
    expect(call!.payload.text).toContain('《向南开放看郴州》');
    const examples = engine.exampleQuestions(3);
    const keyboard: Array<Array<{ text: string }>> = call!.payload.reply_markup?.keyboard ?? [];
    expect(keyboard.flat().map((b) => b.text)).toEqual(examples);
  });

  it('/help explains private, group and inline use', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('/help'));
    const text: string = t.api.callsTo('sendMessage')[0]!.payload.text;
    expect(text).toContain('/ask');
    expect(text).toContain('@ChuchuTestBot');
  });

  it('/sources lists each article with its source', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('/sources'));
    const text: string = t.api.callsTo('sendMessage')[0]!.payload.text;
    expect(text).toContain('《向南开放看郴州》');
    expect(text).toContain('郴州日报');
  });

  it('/ask without a question explains how to use it', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('/ask'));
    expect(t.api.callsTo('sendMessage')[0]!.payload.text).toContain('/ask 郴州');
  });
});
