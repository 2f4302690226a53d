// How a question is read: which words count, and how much (analyze.ts), on questions written for this test.
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/answer/analyze.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { createSearchIndex, type SearchIndex } from '../../src/search/search-index.js';
import { createSynonyms } from '../../src/search/synonyms.js';
import { addWords } from '../../src/text/segment.js';
import { generalWeight } from '../../src/text/word-weights.js';

let index: SearchIndex;
beforeAll(async () => {
  const k = await loadKnowledge('knowledge');
  addWords(k.userWords);
  index = createSearchIndex(k.passages, createSynonyms(k.synonyms));
});

const weightOf = (question: string, word: string) => analyzeQuestion(question, index).terms.find((t) => t.term === word)?.weight;

describe('question words and weights', () => {
  it('counts the era of a year asked (西元, 公元) a quarter, as a hedge: the answer gives the year without it', () => {
    expect(weightOf('北湖机场在西元几年通航', '西元')).toBeCloseTo(generalWeight('西元') / 4);
    expect(weightOf('北湖机场在公元几年通航', '公元')).toBeCloseTo(generalWeight('公元') / 4);
    expect(weightOf('北湖机场在西元几年通航', '通航')).toBeCloseTo(generalWeight('通航'));
  });

  it('drops the question words Taiwan writes (何年, 何處, 何人, 何種)', () => {
    const words = analyzeQuestion('東江湖何年建成，由何人設計，位於何處，屬何種水庫', index).words;
    for (const w of ['何年', '何处', '何人', '何种']) expect(words).not.toContain(w);
    expect(words).toContain('东江湖');
  });

  it('finds what a question names exactly: its quoted text, numbers and Latin words', () => {
    expect(analyzeQuestion('東江湖蓄水量是81.2億立方米嗎，2023年有幾多遊客', index).exact).toEqual(['81.2', '2023']);
    expect(analyzeQuestion('郴州有冇5G同iPhone工厂', index).exact).toEqual(['iphone']);
    // A number after … (normalized ...) is a number on its own, as holdsExactly and the date pattern read it.
    expect(analyzeQuestion('文章说“…2023年有幾多遊客”', index).exact).toContain('2023');
  });

  it('finds the text a question quotes', () => {
    expect(analyzeQuestion('「无水港」是什么意思', index).exact).toEqual(['无水港']);
    expect(analyzeQuestion('《向南開放看郴州》是誰寫的', index).exact).toEqual(['向南开放看郴州']);
    expect(analyzeQuestion('东江湖在哪里', index).exact).toEqual([]);
  });
});
