import { describe, expect, it } from 'vitest';
import { EXAMPLE_SEARCH, exampleQuestions } from '../../src/answer/examples.js';
import type { Answer } from '../../src/answer/types.js';
import type { Passage } from '../../src/knowledge/types.js';

const passage = (i: number): Passage => ({
  id: `p${i}`,
  articleId: `a${i % 50}`,
  article: `文章${i % 50}`,
  section: `第${i % 7}节`,
  paragraph: i,
  text: `水库蓄水量${i + 10}万立方米，年发电量${i + 11}亿千瓦时。新建铁路全长${i + 12}公里。`,
  source: null,
  author: null,
  date: null,
  url: null,
});

describe('example questions', () => {
  it('ask a bounded number of questions however large the knowledge is', () => {
    const passages = Array.from({ length: 20_000 }, (_, i) => passage(i));
    const asked: string[] = [];
    // Nothing is ever answered: the worst case, where every candidate is tried.
    const answer = (question: string): Answer => (asked.push(question), { question, answered: false, results: [], suggestions: [], nothingToShow: true });
    expect(exampleQuestions(passages, answer)).toEqual([]);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.length).toBeLessThanOrEqual(EXAMPLE_SEARCH.answers);
  });

  it('keep a question only when the answer quotes the number back', () => {
    const passages = Array.from({ length: 3 }, (_, i) => passage(i));
    const answer = (question: string): Answer => ({
      question,
      answered: true,
      results: [{ excerpt: passages.map((p) => p.text).join(''), highlights: [], passageId: 'p0', article: '', section: null, paragraph: 1, source: null, url: null, score: 1 }],
      suggestions: [],
      nothingToShow: false,
    });
    const examples = exampleQuestions(passages, answer);
    expect(examples.length).toBeGreaterThan(0);
    for (const q of examples) expect(q).toMatch(/是多少\?$/u);
  });
});
