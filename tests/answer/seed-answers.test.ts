// Golden behaviour on the shipped article, with questions written for these tests
// (not copied from any eval file): ranking, declining, excerpts, input variants.
import { beforeAll, describe, expect, it } from 'vitest';
import { QuestionError } from '../../src/shared/errors.js';
import type { Answer } from '../../src/answer/types.js';
import { createEngine, type Engine } from '../../src/engine/engine.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine({ knowledgeDir: 'knowledge' });
});

const first = (a: Answer) => a.results[0]?.excerpt ?? '';

describe('answers from the seed article', () => {
  it.each([
    ['东江湖能装多少水', '81.2亿立方米'],
    ['东江湖水质好不好', '直接饮用标准'],
    ['湘晨通航做的旋翼机叫什么型号', 'XY-100'],
    ['从香港进口的货物从哪一年开始不用在口岸换锁', '2017年'],
    ['郴州有几处省级文物保护单位', '98处'],
    ['到2023年大湾区菜篮子基地要达到多少个', '200个'],
    ['郴州的招商项目有多大比例来自大湾区', '90%'],
    ['武水流到广东以后跟哪条河合流', '湟水'],
  ])('%s → %s', (question, expected) => {
    const a = engine.answer(question);
    expect(a.answered).toBe(true);
    expect(first(a)).toContain(expected);
  });

  it.each([
    ['Traditional', '東江湖的蓄水量有幾多?', '81.2亿立方米'],
    ['Cantonese place word', '湟水喺邊度發源', '九龙江'],
    ['Cantonese amount word', '喺郴州打包一個包裹要幾多錢', '5元'],
    ['numerals in words', '郴州到深圳要两个小时吗', '2个小时'],
    ['no punctuation, colloquial', '郴港运输现在快了几个钟', '4小时'],
    ['English mixed in', 'GDP里高新技术产业占多少', '27%'],
    ['full-width input', '湘晨ＸＹ－１００是什么', 'XY-100'],
  ])('%s: %s', (_kind, question, expected) => {
    expect(first(engine.answer(question))).toContain(expected);
  });

  it.each(['郴州的二手房一平米多少钱', '今天天气怎么样', '后天会不会下冰雹', '郴州', 'iPhone 15 多少钱', '如何学习Python编程'])(
    'declines %s',
    (question) => {
      const a = engine.answer(question);
      expect(a.answered).toBe(false);
      expect(a.results).toEqual([]);
      expect(a.suggestions).toContain('《向南开放看郴州》');
    },
  );
});

describe('answer shape', () => {
  it('cites article, section and paragraph', () => {
    const r = engine.answer('郴港全程运输时间缩短了多少').results[0]!;
    expect(r).toMatchObject({ article: '向南开放看郴州', section: '基础牢固', source: '郴州日报', url: null });
    expect(r.paragraph).toBeGreaterThan(8);
    expect(r.passageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}$/u);
  });

  it('quotes at most 120 characters, cut at boundaries, marked with …', () => {
    for (const q of ['四区叠加的战略机遇有哪些', '郴州建立了哪些政策措施', '郴州怎样优化政务环境', '郴州和大湾区怎么开展人才合作']) {
      const a = engine.answer(q);
      expect(a.answered).toBe(true);
      for (const r of a.results) {
        expect([...r.excerpt].length).toBeLessThanOrEqual(120);
        const passage = r.excerpt.replace(/^…|…$/gu, '');
        expect(passage.length).toBeGreaterThan(10);
        expect(r.excerpt.endsWith('…') || /[。”]$/u.test(r.excerpt)).toBe(true);
        expect(r.excerpt).not.toMatch(/[,，、]…$/u);
      }
    }
  });

  it('highlights question terms inside the excerpt', () => {
    const r = engine.answer('东江湖的蓄水量').results[0]!;
    const marked = r.highlights.map(([a, b]) => r.excerpt.slice(a, b));
    expect(marked).toEqual(expect.arrayContaining(['东江湖', '蓄水量']));
    const t = engine.answer('東江湖的蓄水量').results[0]!;
    expect(t.highlights.map(([a, b]) => t.excerpt.slice(a, b))).toContain('东江湖');
  });

  it('pages through results with offset', () => {
    const all = engine.answer('大湾区产业合作', { limit: 6 }).results.map((r) => r.passageId);
    const second = engine.answer('大湾区产业合作', { limit: 3, offset: 3 }).results.map((r) => r.passageId);
    expect(second).toEqual(all.slice(3, 6));
  });

  it('says once whether there is anything to show: declined, or a page past the last result', () => {
    expect(engine.answer('东江湖一共能蓄多少水').nothingToShow).toBe(false);
    expect(engine.answer('后天会不会下冰雹').nothingToShow).toBe(true);
    const all = engine.answer('东江湖一共能蓄多少水', { limit: 10 }).results.length;
    const past = engine.answer('东江湖一共能蓄多少水', { limit: 3, offset: all });
    expect(past).toMatchObject({ answered: true, results: [], nothingToShow: true });
  });

  it('rejects empty and over-long questions with a clear error', () => {
    expect(() => engine.answer('   ')).toThrow(QuestionError);
    expect(() => engine.answer('问'.repeat(501))).toThrow(/太长/u);
    expect(engine.answer('问'.repeat(500)).answered).toBe(false);
  });
});
