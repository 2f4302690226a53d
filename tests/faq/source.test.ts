// A FAQ answer copied from an article is shown with a quote of the paragraph it came from.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/engine.js';

const SHIPPED = path.resolve(import.meta.dirname, '../../knowledge');

// Our own entries: the first answer restates a paragraph of the article in other punctuation,
// the second is written by hand. Their alternates are worded unlike the paragraph.
const FAQ = `
## 郴州在对接大湾区中是什么位置？
- 又问：郴州跟大湾区是什么关系
郴州是湖南“南大门”，在区位上，既是粤港澳大湾区向中部辐射的重要通道和重要节点城市，又是中部地区融入大湾区的桥头堡。

## 怎么加入读者群？
- 又问：读者群怎么进
扫描报纸上的二维码，或者在评论区留言。
`;

/** The shipped article, dictionary and synonyms in a temp folder, with a FAQ when given. */
function folder(faq?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'chuchu-faq-source-'));
  for (const f of ['chenzhou-opening-south.txt', 'userdict.txt', 'synonyms.txt']) copyFileSync(path.join(SHIPPED, f), path.join(dir, f));
  if (faq) writeFileSync(path.join(dir, 'faq.md'), faq);
  return dir;
}

let dirs: string[];
let withFaq: Engine;
let articlesOnly: Engine;
beforeAll(async () => {
  dirs = [folder(FAQ), folder()];
  const [a, b] = await Promise.all(dirs.map((knowledgeDir) => createEngine({ knowledgeDir })));
  [withFaq, articlesOnly] = [a!, b!];
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const HOME = /南大门|桥头堡|重要通道/u;

describe('the paragraph a FAQ answer came from', () => {
  it('leads the quotes under the curated answer, once', () => {
    const a = withFaq.answer('郴州跟大湾区是什么关系？');
    expect(a.faq?.question).toBe('郴州在对接大湾区中是什么位置？');
    expect(a.results[0]!.excerpt).toMatch(HOME);
    expect(new Set(a.results.map((r) => r.passageId)).size).toBe(a.results.length);
    expect(a.results.length).toBeLessThanOrEqual(3);
    // The articles alone quote another paragraph first: the FAQ is what finds this one.
    expect(articlesOnly.answer('郴州跟大湾区是什么关系？').results[0]?.excerpt ?? '').not.toMatch(HOME);
  });

  it('is left out of the next page (更多), which the first page already showed', () => {
    const first = withFaq.answer('郴州跟大湾区是什么关系？');
    const next = withFaq.answer('郴州跟大湾区是什么关系？', { offset: 3 });
    expect(next.results.map((r) => r.passageId)).not.toContain(first.results[0]!.passageId);
  });

  it('is nothing for an answer written by hand: the quotes are the articles’ own', () => {
    const a = withFaq.answer('读者群怎么进');
    expect(a.faq?.question).toBe('怎么加入读者群？');
    expect(a.results).toEqual(articlesOnly.answer('读者群怎么进').results);
  });
});
