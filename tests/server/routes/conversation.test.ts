import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../../src/answer/types.js';
import type { Engine } from '../../../src/engine/types.js';
import { createMemoryConversationStore } from '../../../src/conversation/memory-store.js';
import { toScript } from '../../../src/text/script.js';
import { loadEngine, makeApp, postJson, SHIPPED_KNOWLEDGE, type TestApp } from '../helpers.js';

let engine: Engine;
let app: TestApp;
let ids = 0;

beforeAll(async () => {
  engine = await loadEngine();
  app = await makeApp(engine);
});
afterAll(() => app.close());

/** Asks the lines in one conversation (a fresh id each dialogue) and returns the answers. */
async function dialogue(...questions: string[]): Promise<Answer[]> {
  return dialogueWith({}, ...questions);
}

async function dialogueWith(extra: { limit?: number }, ...questions: string[]): Promise<Answer[]> {
  const conversationId = `dialog-${++ids}-${'x'.repeat(4)}`;
  const out: Answer[] = [];
  for (const question of questions) {
    const response = await postJson(app, '/api/ask', { question, conversationId, ...extra });
    expect(response.statusCode).toBe(200);
    out.push(response.json());
  }
  return out;
}

const first = (a: Answer) => a.results[0]?.excerpt ?? '';

describe('POST /api/ask with a conversationId: follow-ups', () => {
  it('completes 那X呢 with the previous question and answers about X', async () => {
    const [, zone, provincial] = await dialogue('郴州有几个国家级高新区?', '那综保区呢?', '省级的呢?');
    expect(zone!.answered).toBe(true);
    expect(zone!.understoodAs).toBe('郴州有几个国家级综保区');
    expect(first(zone!)).toContain('一个国家级综保区');
    expect(provincial!.understoodAs).toContain('省级');
    expect(first(provincial!)).toContain('十二个省级产业园区');
  });

  it('follows a change of topic inside one conversation', async () => {
    const answers = await dialogue('郴州坐高铁到广州多久?', '那深圳呢?', '東江湖水質好不好?', '那蓄水量呢?');
    expect(answers[1]!.understoodAs).toContain('深圳');
    expect(first(answers[1]!)).toContain('到深圳2个小时内');
    // The third question is complete: answered on its own, not mixed with 深圳.
    expect(answers[2]!.understoodAs).toBeUndefined();
    expect(answers[3]!.understoodAs).toMatch(/[东東]江湖/u);
    expect(answers[3]!.understoodAs).toContain('蓄水量');
    expect(first(answers[3]!)).toContain('81.2');
  });

  it('declines an off-topic follow-up, and the topic survives it', async () => {
    const [, rain, zone] = await dialogue('郴州有几个国家级高新区?', '那后天会下雨吗?', '那综保区呢?');
    expect(rain!.answered).toBe(false);
    expect(rain!.results).toEqual([]);
    expect(rain!.didYouMean).toBeUndefined();
    expect(zone!.understoodAs).toBe('郴州有几个国家级综保区');
  });

  it('answers a complete question after an unrelated one exactly as on its own', async () => {
    for (const [before, question] of [
      ['郴州有几个国家级高新区?', '湘晨公司的旋翼机受哪里的客户欢迎?'],
      ['郴州坐高铁到广州多久?', '郴州的菜篮子基地建了几个?'],
      ['那后天会下雨吗?', '跨境一锁是什么?'],
    ] as const) {
      const [, inDialogue] = await dialogue(before, question);
      const alone = (await postJson(app, '/api/ask', { question })).json() as Answer;
      expect(inDialogue).toEqual(alone);
    }
  });

  it('"还有呢" gives passages not cited yet in the conversation, until it says there are none', async () => {
    // One result at a time, so there is more to give.
    const answers = await dialogueWith({ limit: 1 }, '郴州对接大湾区有哪些行动?', '还有呢?', '还有别的吗?', '仲有冇?', '还有呢?');
    const cited = new Set<string>();
    for (const [i, a] of answers.entries()) {
      if (i > 0) expect(a.understoodAs).toBeDefined();
      if (!a.answered) {
        expect(a.note).toContain('没有更多');
        continue;
      }
      for (const r of a.results) {
        expect(cited.has(r.passageId)).toBe(false);
        cited.add(r.passageId);
      }
    }
    expect(answers[1]!.answered).toBe(true);
    expect(answers[2]!.answered).toBe(true);
    expect(answers.at(-1)!.answered).toBe(false);
  });

  it('forgets a conversation after 10 minutes', async () => {
    // The store's clock runs ahead of the turns' time stamps, as if minutes passed between questions.
    let ahead = 0;
    const timed = await makeApp(engine, { conversations: createMemoryConversationStore({ now: () => Date.now() + ahead }) });
    try {
      const conversationId = 'expiring-conversation';
      await postJson(timed, '/api/ask', { question: '郴州有几个国家级高新区?', conversationId });
      ahead = 9 * 60_000;
      const soon = (await postJson(timed, '/api/ask', { question: '省级的呢?', conversationId })).json() as Answer;
      expect(soon.understoodAs).toContain('省级');
      ahead = 20 * 60_000;
      const late = (await postJson(timed, '/api/ask', { question: '省级的呢?', conversationId })).json() as Answer;
      expect(late.understoodAs).toBeUndefined();
    } finally {
      await timed.close();
    }
  });

  it('keeps conversations apart, and a question without an id stands alone', async () => {
    await postJson(app, '/api/ask', { question: '郴州有几个国家级高新区?', conversationId: 'conversation-one' });
    const other = (await postJson(app, '/api/ask', { question: '省级的呢?', conversationId: 'conversation-two' })).json() as Answer;
    const none = (await postJson(app, '/api/ask', { question: '省级的呢?' })).json() as Answer;
    expect(other.understoodAs).toBeUndefined();
    expect(none.understoodAs).toBeUndefined();
  });

  it.each([
    ['too short', 'abc'],
    ['not a string', 12345678],
    ['with characters outside [A-Za-z0-9_-]', '对话对话对话对话'],
    ['too long', 'x'.repeat(65)],
  ])('rejects a conversationId %s with a 400 naming the field', async (_name, conversationId) => {
    const response = await postJson(app, '/api/ask', { question: '郴州有几个国家级高新区?', conversationId });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain('conversationId');
  });
});

describe("POST /api/ask: answers in the asker's script", () => {
  it('answers a Traditional question in Traditional, keeping the verbatim quote and the highlighted characters', async () => {
    const question = '東江湖蓄水量有多少立方米?';
    const answer = (await postJson(app, '/api/ask', { question })).json() as Answer;
    const plain = engine.answer(question).results[0]!;
    const r = answer.results[0]!;
    expect(answer.script).toBe('zh-Hant-TW');
    expect(r.original).toBe(plain.excerpt);
    expect(r.excerpt).toBe(toScript(plain.excerpt, 'zh-Hant-TW'));
    expect(r.excerpt).toContain('東江湖蓄水量81.2億立方米');
    expect(r.article).toBe('向南開放看郴州');
    expect(r.highlights.map(([a, b]) => r.excerpt.slice(a, b))).toEqual(plain.highlights.map(([a, b]) => toScript(plain.excerpt.slice(a, b), 'zh-Hant-TW')));
    // The answer span moves with the text: the same characters, converted.
    expect(r.answer && r.excerpt.slice(...r.answer)).toBe('81.2億立方米');
    expect(plain.answer && plain.excerpt.slice(...plain.answer)).toBe('81.2亿立方米');
  });

  it('uses Hong Kong forms for a Cantonese question', async () => {
    const answer = (await postJson(app, '/api/ask', { question: '郴州有幾多個省級產業園區㗎?' })).json() as Answer;
    expect(answer.script).toBe('zh-Hant-HK');
    expect(first(answer)).toContain('十二個省級產業園區');
  });

  it('leaves a Simplified answer to a Simplified question untouched, and a neutral question in the article’s script', async () => {
    const simplified = (await postJson(app, '/api/ask', { question: '郴州有几个国家级高新区?' })).json() as Answer;
    expect(simplified.script).toBe('zh-Hans');
    expect(simplified.results[0]!.original).toBeUndefined();
    const neutral = (await postJson(app, '/api/ask', { question: '湟水' })).json() as Answer;
    expect(neutral.script).toBe('zh-Hans');
    expect(neutral.results[0]!.original).toBeUndefined();
  });

  it('keeps a neutral follow-up in the script the conversation was in', async () => {
    const [, follow] = await dialogue('東江湖的水質好不好?', '蓄水量呢?');
    expect(follow!.script).toBe('zh-Hant-TW');
    expect(first(follow!)).toContain('蓄水量81.2億立方米');
  });
});

describe('POST /api/ask: a Simplified question about a Traditional article', () => {
  let dir: string;
  let tradApp: TestApp;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'chuchu-script-'));
    writeFileSync(path.join(dir, 'metro.md'), '---\ntitle: 臺北捷運簡介\n---\n\n臺北捷運文湖線於1996年通車，是臺灣第一條捷運路線。\n');
    tradApp = await makeApp(await loadEngine(dir));
  });
  afterAll(async () => {
    await tradApp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gets Simplified, with the Traditional original kept', async () => {
    const answer = (await postJson(tradApp, '/api/ask', { question: '文湖线是哪一年通车的?' })).json() as Answer;
    expect(answer.script).toBe('zh-Hans');
    expect(first(answer)).toContain('文湖线于1996年通车');
    expect(answer.results[0]!.original).toContain('文湖線於1996年通車');
    expect(answer.results[0]!.article).toBe('台北捷运简介');
    const neutral = (await postJson(tradApp, '/api/ask', { question: '1996年 文湖' })).json() as Answer;
    expect(neutral.script).toBe('zh-Hant-TW');
  });
});

describe('POST /api/ask: questions about the article itself', () => {
  it('quotes the byline for who wrote it, in the asker’s script', async () => {
    const answer = (await postJson(app, '/api/ask', { question: '这篇稿子的记者叫什么?' })).json() as Answer;
    expect(answer.answered).toBe(true);
    const r = answer.results[0]!;
    expect(r.excerpt).toBe('郴州日报·今日郴州客户端全媒体记者 王路莎');
    expect(r.highlights.map(([a, b]) => r.excerpt.slice(a, b))).toEqual(['王路莎']);
    expect(r).toMatchObject({ article: '向南开放看郴州', section: '署名', paragraph: 0 });
    const cantonese = (await postJson(app, '/api/ask', { question: '呢篇文章係邊間報館出嘅?' })).json() as Answer;
    expect(cantonese.script).toBe('zh-Hant-HK');
    expect(cantonese.results[0]!.excerpt).toContain('郴州日報');
    expect(cantonese.results[0]!.highlights.map(([a, b]) => cantonese.results[0]!.excerpt.slice(a, b))).toEqual(['郴州日報']);
  });

  it.each([
    ['王路莎是什么人?', '王路莎'],
    ['撰稿人是哪位?', '王路莎'],
    ['這篇文章來自哪裡?', '郴州日報'],
    ['作者是哪个单位的?', '郴州日报'],
    ['文章叫乜名?', '向南开放看郴州'],
    // 这篇 and a word of the title (郴州) point at the article: the title's words say which one.
    ['這篇郴州的報導記者是誰？', '王路莎'],
  ])('answers %s from the byline or title', async (question, expected) => {
    const answer = (await postJson(app, '/api/ask', { question })).json() as Answer;
    expect(answer.results[0]!.excerpt).toContain(expected);
    expect(answer.results[0]!.paragraph).toBe(0);
  });

  it('quotes the title, and declines honestly what the article does not record', async () => {
    const title = (await postJson(app, '/api/ask', { question: '文章标题是什么?' })).json() as Answer;
    expect(title.results[0]!.excerpt).toContain('向南开放看郴州——郴州市全力打造');
    const date = (await postJson(app, '/api/ask', { question: '这篇报道哪天发的?' })).json() as Answer;
    expect(date.answered).toBe(false);
    expect(date.note).toContain('没有记录发表日期');
    const link = (await postJson(app, '/api/ask', { question: '原文链接在哪?' })).json() as Answer;
    expect(link.answered).toBe(false);
    expect(link.note).toContain('没有记录原文链接');
  });

  it('leaves questions about the content to the articles', async () => {
    for (const question of ['该公司负责人对记者说了什么?', '郴州日报的记者去了哪家公司?', '这篇报道里郴州的记者采访了哪家公司?']) {
      const answer = (await postJson(app, '/api/ask', { question })).json() as Answer;
      expect(answer.results.every((r) => r.paragraph > 0)).toBe(true);
    }
  });

  describe('with several articles', () => {
    let dir: string;
    let two: TestApp;
    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'chuchu-meta-'));
      copyFileSync(path.join(SHIPPED_KNOWLEDGE, 'chenzhou-opening-south.txt'), path.join(dir, 'a.txt'));
      writeFileSync(
        path.join(dir, 'b.md'),
        '---\ntitle: 莽山五指峰游记\nauthor: 李清\nsource: 湘南旅游报\ndate: 2023-05-02\nurl: https://example.com/mangshan\n---\n\n莽山五指峰海拔1600米，是宜章县的旅游名片。\n',
      );
      two = await makeApp(await loadEngine(dir));
    });
    afterAll(async () => {
      await two.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('answers about the article the conversation is about, else the one named, else lists them', async () => {
      const conversationId = 'several-articles-1';
      await postJson(two, '/api/ask', { question: '五指峰海拔多高?', conversationId });
      const inConversation = (await postJson(two, '/api/ask', { question: '作者是谁?', conversationId })).json() as Answer;
      expect(inConversation.results.map((r) => r.excerpt)).toEqual(['作者：李清']);
      const date = (await postJson(two, '/api/ask', { question: '什么时候发表的?', conversationId })).json() as Answer;
      expect(date.results[0]!.excerpt).toBe('发表日期：2023-05-02');
      const url = (await postJson(two, '/api/ask', { question: '原文在哪里看?', conversationId })).json() as Answer;
      expect(url.results[0]!.url).toBe('https://example.com/mangshan');
      const named = (await postJson(two, '/api/ask', { question: '《向南开放看郴州》的作者是谁?', conversationId })).json() as Answer;
      expect(named.results[0]!.excerpt).toContain('王路莎');
      const listed = (await postJson(two, '/api/ask', { question: '作者是谁?' })).json() as Answer;
      expect(listed.results.map((r) => r.article).sort()).toEqual(['向南开放看郴州', '莽山五指峰游记']);
    });
  });
});
