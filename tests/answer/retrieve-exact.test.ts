// What the question names exactly (a year, a model name) ranks the passage that holds it as
// written, with passages and questions written for this test.
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/answer/analyze.js';
import { holdsExactly, retrieve } from '../../src/answer/retrieve.js';
import type { Passage } from '../../src/knowledge/types.js';
import { createSearchIndex, type SearchIndex } from '../../src/search/search-index.js';
import { createSynonyms } from '../../src/search/synonyms.js';
import { normalize } from '../../src/text/normalize.js';
import { loadDictionary } from '../../src/text/segment.js';

const passage = (id: string, article: string, text: string): Passage => ({
  id, articleId: id, article, section: null, paragraph: 1, text, source: null, author: null, date: null, url: null,
});

// Every town's yearbook names 2019 and 2020, iPhone and iPad, so they are in most passages: as
// words they are dropped as ubiquitous, and only the exact match can tell the two bridges (or
// the two factories) apart.
const towns = ['河口', '石门', '青溪', '白沙', '松岗', '枫林', '柳塘', '竹园', '梅岭', '桃坪'];
const passages = [
  passage('later', '江城大桥', '江城大桥于2020年通车，全长3.2公里，连接江城南北两岸。'),
  passage('asked', '江城大桥', '江城大桥于2019年通车，全长3.2公里，连接江城南北两岸。'),
  passage('ipad', '江城产业园', '江城产业园的iPad配件工厂去年投产，产品供应海外。'),
  passage('iphone', '江城产业园', '江城产业园的iPhone配件工厂去年投产，产品供应海外。'),
  ...towns.map((t) => passage(t, `${t}年鉴`, `${t}镇2019年和2020年的年鉴记录了当地的农业、人口与集市，镇上的学校用iPhone和iPad上课。`)),
];

let index: SearchIndex;
beforeAll(() => {
  loadDictionary();
  index = createSearchIndex(passages, createSynonyms([]));
});

const firstOf = (question: string) => index.passages[retrieve(analyzeQuestion(question, index), index, (t) => [t])[0]!.doc]!.id;

describe('what the question names exactly', () => {
  it('ranks the passage with the year asked first, where the words alone tie', () => {
    expect(firstOf('2019年江城大桥通车了吗')).toBe('asked');
    expect(firstOf('江城大桥是不是2020年通车的')).toBe('later');
  });

  it('reads a number as a number (19 is not in 1998 or 19.5), and other text as written', () => {
    expect(holdsExactly('19')('第19届')).toBe(true);
    expect(holdsExactly('19')('1998年')).toBe(false);
    expect(holdsExactly('19')('19.5米')).toBe(false);
    expect(holdsExactly('19')('3.19米')).toBe(false);
    expect(holdsExactly('19')(normalize('…19岁时'))).toBe(true);
    expect(holdsExactly('1997')(normalize('…1997年'))).toBe(true);
    expect(holdsExactly('81.2')('81.2亿立方米')).toBe(true);
    expect(holdsExactly('2(3')('「2(3」')).toBe(true);
    expect(() => retrieve(analyzeQuestion('「2(3」和「1+1」是什么', index), index, (t) => [t])).not.toThrow();
  });

  it('ranks the passage with the Latin name asked first, where the words alone tie', () => {
    expect(firstOf('江城产业园有没有iPhone配件工厂')).toBe('iphone');
    expect(firstOf('江城产业园的iPad配件工厂投产了吗')).toBe('ipad');
  });
});
