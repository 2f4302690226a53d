import { describe, expect, it } from 'vitest';
import { settle, type AnswerResult } from '../../src/answer/types.js';
import { localizeAnswer } from '../../src/conversation/localize.js';

const result = (excerpt: string, article: string): AnswerResult => ({
  excerpt,
  highlights: [[0, 2]],
  passageId: 'a-1',
  article,
  section: null,
  paragraph: 1,
  source: null,
  url: null,
  score: 1,
});
const answerOf = (r: AnswerResult) => settle({ question: 'q', answered: true, results: [r], suggestions: [] });

describe('an excerpt in the asker script', () => {
  it('converts a Simplified quote for a Traditional question and keeps the verbatim one in original', () => {
    const a = localizeAnswer(answerOf(result('东江湖的水质常年可达直接饮用标准', '东江湖')), '東江湖的水質怎麼樣?');
    expect(a.results[0]!.excerpt).toBe('東江湖的水質常年可達直接飲用標準');
    expect(a.results[0]!.original).toBe('东江湖的水质常年可达直接饮用标准');
  });

  it("writes chuchu's own note in the words of the asker's region, and the quote in the article's", () => {
    const declined = settle({ question: 'q', answered: false, results: [], suggestions: [], note: '这篇文章没有记录原文链接。' });
    expect(localizeAnswer(declined, '這篇文章的網址是什麼？').note).toBe('這篇文章沒有記錄原文連結。');
    expect(localizeAnswer(declined, '呢篇文章嘅網址係咩？').note).toBe('這篇文章沒有記錄原文鏈接。');
    const a = localizeAnswer({ ...answerOf(result('加强信息互通共享', '郴州')), note: '信息' }, '郴州的資訊怎樣共享？');
    expect(a.results[0]!.excerpt).toBe('加強信息互通共享');
    expect(a.note).toBe('資訊');
  });

  it('converts a Traditional quote for a Simplified question', () => {
    const a = localizeAnswer(answerOf(result('東江湖的水質常年可達直接飲用標準', '東江湖')), '东江湖的水质怎么样?');
    expect(a.results[0]!.excerpt).toBe('东江湖的水质常年可达直接饮用标准');
  });

  it('quotes a Traditional article as written to a Traditional reader of the other region (台 stays 台, 周期 stays 周期)', () => {
    const quote = '19年為一太陰周期，台北港於1998年啟用';
    for (const asked of ['一太陰周期是幾多年?', '台北港於哪一年啟用？']) {
      const a = localizeAnswer(answerOf(result(quote, '曆法')), asked);
      expect(a.results[0]!.excerpt).toBe(quote);
      expect(a.results[0]!.original).toBeUndefined();
    }
  });
});
