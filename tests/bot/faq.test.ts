import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/types.js';
import { formatFaq } from '../../src/bot/format.js';
import { createEngine } from '../../src/engine/engine.js';
import { buttonsOf, callback, createTestBot, inlineQuery, KNOWLEDGE_DIR, message, type TestBot } from './setup.js';

// Long, but only two informative words (呀 is a particle): close to "志愿者有补贴吗", not confident.
const LONG = `志愿者怎么报名${'呀'.repeat(40)}？`;
const FAQ = `
## 郴州到广州要多久？
从郴州到广州<b>1小时</b>左右 & 到深圳2个小时内。
来源：《向南开放看郴州》<script>
链接：https://example.com/a?x=1&y="2"

## 怎样联系客服？
- 又问：客服电话是多少？
在群里 @群主。

## ${LONG}
在群里 @管理员 报名。
`;

let dir: string;
let engine: Engine;
let t: TestBot;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'chuchu-bot-faq-'));
  for (const f of ['chenzhou-opening-south.txt', 'userdict.txt', 'synonyms.txt']) copyFileSync(path.join(KNOWLEDGE_DIR, f), path.join(dir, f));
  writeFileSync(path.join(dir, 'faq.md'), FAQ);
  engine = await createEngine({ knowledgeDir: dir });
});
afterEach(() => t?.close());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lastText = () => t.api.callsTo('sendMessage').at(-1)!.payload.text as string;

describe('FAQ answers in Telegram', () => {
  it('shows the curated answer first, labelled 常见问题 and escaped, then the excerpts, with feedback buttons', async () => {
    t = await createTestBot(engine);
    // Asked in Traditional: the whole reply, the bot's own words included, comes back in Traditional.
    await t.bot.handleUpdate(message('從郴州到廣州要多久'));
    const text = lastText();
    expect(text).toContain('📌 <b>常見問題</b>：郴州到廣州要多久？');
    expect(text).toContain('從郴州到廣州&lt;b&gt;1小時&lt;/b&gt;左右 &amp; 到深圳2個小時內。');
    expect(text).toContain('<a href="https://example.com/a?x=1&amp;y=%222%22">《向南開放看郴州》&lt;script&gt;</a>');
    expect(text.indexOf('常見問題')).toBeLessThan(text.indexOf('<blockquote>'));
    expect(text).toContain('<b>原文摘錄</b>');
    expect(text).not.toMatch(/<script>|<b>1小時/u);
    const up = buttonsOf(t.api.callsTo('sendMessage').at(-1)!).find((b) => b.startsWith('f:u:'))!;
    await t.bot.handleUpdate(callback(up, 1000));
    // The vote on the curated answer is recorded too, against the FAQ question.
    expect(t.recorder.feedback[0]).toMatchObject({ passageId: 'faq:郴州到广州要多久？', vote: 'up' });
  });

  it('answers from the FAQ alone when no article covers the question', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('客服电话是多少'));
    expect(lastText()).toMatch(/常见问题<\/b>：怎样联系客服？\n在群里 @群主。$/u);
    expect(t.recorder.questions[0]).toMatchObject({ answered: true });
  });

  it('offers "did you mean" buttons on a declined answer; a tap asks that question and records it', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(message('志愿者有补贴吗'));
    const declined = t.api.callsTo('sendMessage').at(-1)!;
    expect(declined.payload.text).toContain('你是不是想问');
    const buttons = buttonsOf(declined);
    const labels = (declined.payload.reply_markup.inline_keyboard as Array<Array<{ text: string }>>).flat().map((b) => b.text);
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.length).toBeLessThanOrEqual(3);
    for (const b of buttons) expect(Buffer.byteLength(b)).toBeLessThanOrEqual(64);
    // The long question does not fit a button label or callback_data; the store keeps it.
    const i = labels.findIndex((l) => l.startsWith('志愿者怎么报名'));
    expect(labels[i]!.endsWith('…')).toBe(true);
    expect([...labels[i]!].length).toBeLessThanOrEqual(30);

    await t.bot.handleUpdate(callback(buttons[i]!, 1000));
    expect(t.api.callsTo('answerCallbackQuery')).toHaveLength(1);
    expect(lastText()).toContain('在群里 @管理员 报名。');
    expect(t.recorder.questions.map((q) => [q.question, q.answered])).toEqual([
      ['志愿者有补贴吗', false],
      [LONG, true],
    ]);
  });

  it('an expired "did you mean" button says so and asks nothing', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(callback('y:gone1234:0', 5));
    expect(t.api.callsTo('answerCallbackQuery')[0]!.payload.text).toContain('过期');
    expect(t.api.callsTo('sendMessage')).toEqual([]);
    expect(t.recorder.questions).toEqual([]);
  });

  it('puts the curated answer first in inline results', async () => {
    t = await createTestBot(engine);
    await t.bot.handleUpdate(inlineQuery('郴州到广州要多久'));
    const results: Array<Record<string, any>> = t.api.callsTo('answerInlineQuery')[0]!.payload.results;
    expect(results[0]!.title).toBe('常见问题：郴州到广州要多久？');
    expect(results[0]!.input_message_content.message_text).toContain('<b>常见问题</b>');
    expect(results.length).toBeGreaterThan(1);
    expect(Buffer.byteLength(results[0]!.id)).toBeLessThanOrEqual(64);
  });

  it('formatFaq links only http(s) sources', () => {
    const faq = { question: '问', answer: '答', source: null, url: 'javascript:alert(1)', score: 1 };
    expect(formatFaq(faq)).toBe('📌 <b>常见问题</b>：问\n答');
    expect(formatFaq({ ...faq, url: 'https://x.org/' })).toBe('📌 <b>常见问题</b>：问\n答\n——<a href="https://x.org/">原文</a>');
  });
});
