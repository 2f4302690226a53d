import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { settle, type Answer, type AnswerResult } from '../../src/answer/types.js';
import type { Engine } from '../../src/engine/types.js';
import { TELEGRAM_MESSAGE_LIMIT, visibleText } from '../../src/bot/split.js';
import { buttonsOf, createTestBot, engineWith, inlineQuery, message, type TestBot } from './setup.js';

/** A knowledge file written to break naive formatting: tags, scripts, entities, a quote in the url. */
const HOSTILE = `---
title: <b>黑客</b> & 月亮
source: 测试<script>
url: https://example.com/a?x=1&y="<i>"
---

## <script>alert('节')</script>

月亮湾的<b>潮汐</b>很特别，<script>alert(1)</script>每天涨落两次，&amp; 渔民据此出海。

## 第二节

月亮湾的灯塔建于清代，塔身高<i>三十米</i>，夜里照亮整片潮汐水域。
`;

let hostile: { engine: Engine; cleanup(): Promise<void> };
let t: TestBot;

beforeAll(async () => {
  hostile = await engineWith({ 'moon.md': HOSTILE });
});
afterAll(() => hostile?.cleanup());
afterEach(() => t?.close());

/** Parses Telegram HTML the strict way: only known tags, balanced, entities complete. */
function assertSafeTelegramHtml(html: string): void {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z-]+)([^>]*)>/g)) {
    expect(['b', 'i', 'a', 'blockquote', 'code']).toContain(m[2]);
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else stack.push(m[2]!);
  }
  expect(stack).toEqual([]);
  expect(html).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
}

describe('hostile knowledge and questions', () => {
  it('escapes every piece of article text in an answer', async () => {
    t = await createTestBot(hostile.engine);
    await t.bot.handleUpdate(message('月亮湾的潮汐'));
    const text: string = t.api.callsTo('sendMessage')[0]!.payload.text;
    assertSafeTelegramHtml(text);
    expect(text).toContain('&lt;script&gt;');
    expect(text).toContain('&amp;amp;');
    expect(text).toContain('《&lt;b&gt;黑客&lt;/b&gt; &amp; 月亮》');
    expect(text).toContain('<a href="https://example.com/a?x=1&amp;y=%22%3Ci%3E%22">');
    expect(text).not.toMatch(/<script|<b>黑客|<i>三十米/);
    // What the user sees is the article's own text, tags and all, as plain characters.
    expect(visibleText(text)).toContain('<script>alert(1)</script>');
  });

  it('escapes article text in /sources, declines and inline results', async () => {
    t = await createTestBot(hostile.engine);
    await t.bot.handleUpdate(message('/sources'));
    await t.bot.handleUpdate(message('<b>量子计算</b>是什么'));
    await t.bot.handleUpdate(inlineQuery('月亮湾的灯塔'));
    const [sources, declined] = t.api.callsTo('sendMessage');
    for (const call of [sources!, declined!]) assertSafeTelegramHtml(call.payload.text);
    expect(sources!.payload.text).toContain('测试&lt;script&gt;');
    expect(declined!.payload.text).toContain('&lt;b&gt;量子计算&lt;/b&gt;');
    const results: Array<Record<string, any>> = t.api.callsTo('answerInlineQuery')[0]!.payload.results;
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) assertSafeTelegramHtml(r.input_message_content.message_text);
  });
});

describe('a reply longer than 4,096 characters', () => {
  // The shipped engine's excerpts are short; an engine honouring the same contract with very long
  // section names is the simplest way to force a reply past Telegram's limit.
  const longResult = (i: number): AnswerResult => ({
    excerpt: `第${i}条摘录 <b>不是标签</b>。`,
    highlights: [[0, 2]],
    passageId: `p${i}`,
    article: '长文',
    section: `${'很长的小节名。'.repeat(300)}${i}`,
    paragraph: i,
    source: null,
    url: null,
    score: 1,
  });
  const longEngine: Engine = {
    answer: (question, options = {}): Answer => {
      const all = [1, 2, 3, 4].map(longResult);
      const offset = options.offset ?? 0;
      return settle({ question, answered: true, results: all.slice(offset, offset + (options.limit ?? 3)), suggestions: [] });
    },
    articles: () => [],
    passage: () => null,
    stats: () => ({ articles: 1, passages: 4, indexBuiltAt: new Date(0).toISOString() }),
    exampleQuestions: () => [],
    knowledgeErrors: () => [],
    knowledgeFiles: () => [],
    reload: async () => ({ ok: true, applied: true, errors: [], files: [], stats: longEngine.stats() }),
  };

  it('is split into valid messages under the limit, buttons on the last', async () => {
    t = await createTestBot(longEngine);
    await t.bot.handleUpdate(message('长问题'));
    const calls = t.api.callsTo('sendMessage');
    expect(calls.length).toBeGreaterThan(1);
    for (const [i, call] of calls.entries()) {
      expect(call.payload.text.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      assertSafeTelegramHtml(call.payload.text);
      expect(buttonsOf(call).length > 0).toBe(i === calls.length - 1);
    }
    const all = calls.map((c) => visibleText(c.payload.text)).join('');
    for (const i of [1, 2, 3]) expect(all).toContain(`第${i}条摘录 <b>不是标签</b>。`);
    expect(all).not.toContain('第4条摘录');
  });
});
