// Quotes of two sentences apart: the likeliest, and a second one the model still finds likely.
import { describe, expect, it } from 'vitest';
import { NO_TREES } from '../../src/answer/boosted-trees.js';
import { chooseExcerpt, EXCERPT_BUDGET } from '../../src/answer/excerpt.js';
import { SENTENCE_FEATURES, type SentenceModel, type SentenceQuery } from '../../src/answer/sentence-model.js';

// A model that scores a sentence by the share of the question's words it holds, and nothing else.
const byWords: SentenceModel = { weights: SENTENCE_FEATURES.map((f) => (f === 'words' ? 5 : 0)), trees: NO_TREES };
const query: SentenceQuery = { normalized: '蓄水量有多大', type: 'number', answerType: 'number', terms: [{ term: '蓄水量', weight: 1 }], phrase: [] };
const text = [
  '东江湖位于郴州市资兴市境内，是湖南省重要的生态屏障和旅游目的地。',
  '东江湖的蓄水量为81.2亿立方米，被誉为“湘南明珠”。',
  '湖区分布着大小岛屿一百多个，四季景色各不相同，吸引了许多摄影爱好者。',
  '每年夏天，来自全国各地的游客在湖边露营、划船和垂钓，沿湖民宿常常客满。',
  '小东江的蓄水量较小，但晨雾景观闻名全国。',
].join('');
const at = (context: { neighbourMass?: number; secondMass?: number }) => chooseExcerpt(text, query, undefined, { model: byWords, ...context });

describe('excerpts of two sentences apart', () => {
  it('quotes a likely second sentence after a …, both whole, within the budget, with highlights in both', () => {
    const { excerpt, highlights } = at({ neighbourMass: 0.98, secondMass: 0.1 });
    expect(excerpt).toBe('…东江湖的蓄水量为81.2亿立方米，被誉为“湘南明珠”。…小东江的蓄水量较小，但晨雾景观闻名全国。');
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_BUDGET);
    expect(highlights.map(([a, b]) => excerpt.slice(a, b))).toEqual(['蓄水量', '蓄水量']);
  });

  it('quotes one sentence when the second is less likely than the mass asked for', () => {
    expect(at({ neighbourMass: 0.4, secondMass: 0.6 }).excerpt).toBe('…东江湖的蓄水量为81.2亿立方米，被誉为“湘南明珠”。…');
  });
});
