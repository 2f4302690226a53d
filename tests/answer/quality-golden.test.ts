// What the question asks for, short quotes and several articles side by side, with
// questions and two short articles written for these tests (not copied from any eval file).
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';

let seed: Engine;
let several: Engine;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chuchu-golden-'));
  cpSync('knowledge', dir, { recursive: true });
  cpSync(path.join(import.meta.dirname, 'fixtures/two-more-articles'), dir, { recursive: true });
  [seed, several] = await Promise.all([createEngine({ knowledgeDir: 'knowledge' }), createEngine({ knowledgeDir: dir })]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const first = (a: Answer) => a.results[0]!;

describe('what the article has, and what it does not', () => {
  it.each([
    ['从衡阳到郴州坐高铁要几个小时', '衡阳'],
    ['株洲离郴州有多远', '株洲'],
    ['长沙的高铁站离郴州远不远', '长沙'],
  ])('declines %s, saying the article never mentions %s', (question, place) => {
    const a = seed.answer(question);
    expect(a.answered).toBe(false);
    expect(a.results).toEqual([]);
    expect(a.note).toContain(`“${place}”`);
  });

  it('still answers a question naming places the article mentions', () => {
    const a = seed.answer('郴州和韶关实现了多少项跨省通办');
    expect(a.answered).toBe(true);
    expect(first(a).excerpt).toContain('230项');
  });
});

describe('prices', () => {
  it.each(['在香港打包一个包裹要多少钱', '喺香港打包一個包裹要幾多錢'])('%s quotes the sentence with the price', (question) => {
    const a = seed.answer(question);
    expect(a.answered).toBe(true);
    expect(first(a).original ?? first(a).excerpt).toContain('20元');
  });

  it.each(['东江湖的门票多少钱', '郴州北湖机场的机票价格是多少', '東江湖門票幾多錢'])(
    'declines %s: the article names the place but gives no price for it',
    (question) => {
      const a = seed.answer(question);
      expect(a.answered).toBe(false);
      expect(a.note).toContain('价格');
    },
  );

  it('answers with the passage that gives a price when several name the place', () => {
    const a = several.answer('茶器博物馆门票多少钱');
    expect(first(a).article).toBe('荷塘古镇茶器博物馆');
    expect(first(a).original ?? first(a).excerpt).toContain('免费参观');
  });
});

describe('distances', () => {
  it.each(['郴州离香港远不远', '郴州離香港遠唔遠'])(
    'declines %s: the article names 香港 but gives a travel time only to 广州 and 深圳',
    (question) => {
      const a = seed.answer(question);
      expect(a.answered).toBe(false);
      expect(a.note).toContain('距离');
    },
  );
});

describe('dates', () => {
  it.each(['北湖机场哪年通航', '北湖機場幾時開通'])('declines %s: the article names the airport but gives no date for it', (question) => {
    const a = seed.answer(question);
    expect(a.answered).toBe(false);
    expect(a.note).toContain('时间');
  });

  it.each([
    ['跨境一锁从什么时候开始运行', '2017年11月'],
    ['菜篮子配送分中心幾時開始運營', '今年9月1日'],
  ])('%s quotes the date', (question, date) => {
    const a = seed.answer(question);
    expect(a.answered).toBe(true);
    expect(first(a).original ?? first(a).excerpt).toContain(date);
  });
});

describe('words that hedge what is asked', () => {
  it.each([
    ['郴州计划打造什么品牌', '食在大湾区'],
    ['郴州打算引进哪些新兴产业', '人工智能'],
  ])('%s is answered though the article does not say 计划 or 打算', (question, phrase) => {
    const a = seed.answer(question);
    expect(a.answered).toBe(true);
    expect(first(a).excerpt).toContain(phrase);
  });
});

describe('short quotes', () => {
  it('quotes the answering sentence and stops there, not at the budget', () => {
    const r = first(seed.answer('东江湖的水能达到什么标准'));
    expect(r.excerpt).toContain('直接饮用标准');
    expect(r.excerpt).not.toContain('红色旅游资源');
    expect([...r.excerpt].length).toBeLessThanOrEqual(100);
  });
});

describe('what the question asks for', () => {
  it('reads 鐘頭 (Hong Kong for hours) as 小时: 郴州去深圳幾個鐘頭 is answered with the travel time', () => {
    const a = seed.answer('郴州去深圳幾個鐘頭');
    expect(a.answered).toBe(true);
    expect(first(a).original ?? first(a).excerpt).toContain('2个小时');
  });

  it.each([
    ['郴州怎樣保護智慧財產權？', '知识产权'],
    ['郴州的資訊化建設', '信息'],
  ])('reads the words Taiwan writes for mainland ones: %s is answered with %s', (question, word) => {
    const a = seed.answer(question);
    expect(a.answered).toBe(true);
    expect(first(a).original ?? first(a).excerpt).toContain(word);
  });

  it.each([
    ['郴州离深圳有多远', '2个小时'],
    ['由郴州去广州要幾耐', '1小时左右'],
    ['郴州离广州远吗', '1小时左右'],
    ['郴州離深圳有幾遠', '2个小时'],
  ])('%s is answered with the travel time the article gives (%s), not a paragraph that only names the city', (question, time) => {
    const a = seed.answer(question);
    expect(a.answered).toBe(true);
    expect(first(a).original ?? first(a).excerpt).toContain(time);
  });
});

describe('several articles in one knowledge base', () => {
  it.each(['茶器博物馆几点开门', '茶器博物馆幾時開門', '茶器博物馆几点关门', '茶器博物馆周一开吗'])(
    '%s quotes the opening hours, not the first paragraph that names the museum',
    (question) => {
      const a = several.answer(question);
      expect(first(a).article).toBe('荷塘古镇茶器博物馆');
      expect(first(a).original ?? first(a).excerpt).toContain('上午9时至下午5时');
    },
  );

  it('keeps a paragraph of another article that only names the lake out of an answer about its water', () => {
    const a = several.answer('东江湖的水质好吗');
    expect(first(a).excerpt).toContain('直接饮用标准');
    expect(a.results.map((r) => r.article)).not.toContain('小东江雾景');
  });


  it('quotes the paragraph that answers, not the first paragraph that repeats the name', () => {
    const a = several.answer('茶器博物馆收藏了多少件茶器');
    expect(first(a).article).toBe('荷塘古镇茶器博物馆');
    expect(first(a).excerpt).toContain('1200余件');
  });
});

describe('quoted names', () => {
  it('quotes the article that holds the name the question quotes, over one that repeats its words more', async () => {
    const quoted = await createEngine({ knowledgeDir: path.join(import.meta.dirname, 'fixtures/quoted-names') });
    const a = quoted.answer('“第二次進口替代”指的是港城哪一個年代的經濟政策？');
    expect(first(a).article).toBe('港城经济政策的演变');
    expect(first(a).original ?? first(a).excerpt).toContain('七十年代');
  });
});
