import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_SCORE, CONFIDENT_SCORE, createFaqMatcher, type FaqMatcher } from '../../src/faq/match.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { createSynonyms } from '../../src/search/synonyms.js';
import { addWords } from '../../src/text/segment.js';

// Calibration of CONFIDENT_SCORE against the shipped FAQ: these must stay on their side of it.
let matcher: FaqMatcher;
beforeAll(async () => {
  const k = await loadKnowledge(path.resolve(import.meta.dirname, '../../knowledge'));
  addWords(k.userWords);
  matcher = createFaqMatcher(k.faq, createSynonyms(k.synonyms));
});

const best = (q: string) => matcher.match(q)[0];

describe('FAQ matching', () => {
  it.each([
    ['郴州到广州要多久', '从郴州到广州要多久？'],
    ['从郴州去广州需要多长时间？', '从郴州到广州要多久？'],
    ['從郴州到廣州要幾耐', '从郴州到广州要多久？'], // Traditional + Cantonese
    ['郴州到深圳要多久呀', '从郴州到广州要多久？'], // an alternate, with a particle
    ['郴州和粤港澳大湾区是啥关系', '郴州在对接粤港澳大湾区中是什么角色？'],
    ['郴州跟大灣區有咩關係', '郴州在对接粤港澳大湾区中是什么角色？'],
    ['郴州在对接大湾区里是什么角色', '郴州在对接粤港澳大湾区中是什么角色？'], // synonym 大湾区 = 粤港澳大湾区
    ['菜篮子基地是什么？', '大湾区“菜篮子”基地是什么？'],
    ['郴州有几个菜篮子基地', '大湾区“菜篮子”基地是什么？'],
    ['什么是四区叠加', '郴州的“四区叠加”是指什么？'],
  ])('%s → %s', (question, expected) => {
    const top = best(question);
    expect(top?.entry.question).toBe(expected);
    expect(top!.score).toBeGreaterThanOrEqual(CONFIDENT_SCORE);
  });

  it.each(['郴州的房价怎么样', '郴州的天气如何', '广州的房价高吗', '郴州有多少人口', '大湾区是什么', '东江湖的水质怎么样', '后天会不会下冰雹', '郴州机场什么时候通航', 'how long to guangzhou'])(
    'does not answer an unrelated question: %s',
    (question) => {
      expect(best(question)?.score ?? 0).toBeLessThan(CONFIDENT_SCORE);
    },
  );

  it('scores an identical question 1 whatever its punctuation, spacing and script', () => {
    expect(best('從郴州到廣州要多久 ?')!.score).toBe(1);
  });

  it('finds close but unsure entries for "did you mean"', () => {
    const close = matcher.match('郴州的蔬菜都销往哪里').filter((m) => m.score >= CLOSE_SCORE && m.score < CONFIDENT_SCORE);
    expect(close.map((m) => m.entry.question)).toContain('大湾区“菜篮子”基地是什么？');
  });

  it('matches nothing when there are no entries', () => {
    expect(createFaqMatcher([]).match('郴州到广州要多久')).toEqual([]);
  });
});
