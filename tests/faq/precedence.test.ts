import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import { makeApp } from '../server/helpers.js';

const SHIPPED = path.resolve(import.meta.dirname, '../../knowledge');
const ARTICLE = 'chenzhou-opening-south.txt';

/** The shipped article, dictionary and synonyms with a FAQ of our own, in a temp folder. */
function knowledgeWith(faq: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'chuchu-faq-kb-'));
  for (const f of [ARTICLE, 'userdict.txt', 'synonyms.txt']) copyFileSync(path.join(SHIPPED, f), path.join(dir, f));
  writeFileSync(path.join(dir, 'faq.md'), faq);
  return dir;
}

const FAQ = `
## 东江湖的门票多少钱？
东江湖景区门票以景区公告为准。
来源：管理员

## 郴州北湖机场有哪些航线？
请查看机场官网。
链接：https://example.com/airport

## 郴州到广州要多久？
1小时左右。

## 怎样联系客服？
- 又问：客服电话是多少？
在群里 @群主。
来源：管理员

## 志愿者怎么报名？
在群里 @管理员 报名。
`;

let dir: string;
let engine: Engine;
beforeAll(async () => {
  dir = knowledgeWith(FAQ);
  engine = await createEngine({ knowledgeDir: dir });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('FAQ and article answers together', () => {
  it('a confident FAQ match answers first, with the article excerpts after it', () => {
    const a = engine.answer('從郴州到廣州要多久？');
    expect(a.answered).toBe(true);
    expect(a.faq).toEqual({ question: '郴州到广州要多久？', answer: '1小时左右。', source: null, url: null, score: 1 });
    expect(a.results[0]!.excerpt).toContain('到广州1小时左右');
  });

  it('answers from the FAQ alone when the articles do not cover the question', () => {
    // No word of it is in the article, whatever the article path's threshold.
    const a = engine.answer('客服电话是多少');
    expect(a).toMatchObject({ answered: true, results: [], suggestions: [] });
    expect(a.faq).toMatchObject({ question: '怎样联系客服？', source: '管理员' });
  });

  it('a weak FAQ match does not override a strong article answer', () => {
    // 东江湖 is shared with the 门票 entry, which is close enough to be offered when nothing answers…
    expect(engine.answer('门票能退吗').didYouMean).toContain('东江湖的门票多少钱？');
    // …but an article that answers wins, and the weak entry is not shown.
    const a = engine.answer('东江湖一共能蓄多少水');
    expect(a.answered).toBe(true);
    expect(a.faq).toBeUndefined();
    expect(a.didYouMean).toBeUndefined();
    expect(a.results[0]!.excerpt).toContain('81.2亿立方米');
  });

  it('later pages (更多) carry only excerpts', () => {
    expect(engine.answer('郴州到广州要多久', { offset: 3 }).faq).toBeUndefined();
  });

  it('a declined question offers at most 3 close FAQ questions, else nothing', async () => {
    const close = engine.answer('志愿者有补贴吗');
    expect(close.answered).toBe(false);
    expect(close.didYouMean![0]).toBe('志愿者怎么报名？');
    expect(close.didYouMean!.length).toBeLessThanOrEqual(3);
    expect(engine.answer('后天会不会下冰雹').didYouMean).toBeUndefined();
    // In the shipped FAQ every entry mentions 郴州, so 郴州 alone is close to none of them;
    // nor is the article's title (《向南开放看郴州》) what a weather question meant.
    const shipped = await createEngine({ knowledgeDir: SHIPPED });
    for (const q of ['郴州的天气如何', '郴州明天会下雨吗', '郴州的房价多少']) expect(shipped.answer(q).didYouMean).toBeUndefined();
  });

  it('POST /api/ask returns the faq and didYouMean fields', async () => {
    const app = await makeApp(engine);
    const answered = (await app.inject({ method: 'POST', url: '/api/ask', payload: { question: '客服电话是多少' } })).json();
    expect(answered.faq).toMatchObject({ question: '怎样联系客服？', answer: '在群里 @群主。' });
    const declined = (await app.inject({ method: 'POST', url: '/api/ask', payload: { question: '志愿者有补贴吗' } })).json();
    expect(declined.didYouMean).toContain('志愿者怎么报名？');
    await app.close();
  });
});
