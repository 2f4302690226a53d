import { describe, expect, it } from 'vitest';
import { normalize, normalizeMapped } from '../../src/text/normalize.js';
import { parseChineseNumber } from '../../src/text/numerals.js';
import { searchWords } from '../../src/text/segment.js';
import { bigrams } from '../../src/text/terms.js';

describe('normalize', () => {
  it('turns Traditional (Taiwan, Hong Kong) into Simplified', () => {
    expect(normalize('東江湖的水質如何')).toBe('东江湖的水质如何');
    expect(normalize('粵港澳大灣區衞生')).toBe('粤港澳大湾区卫生');
  });

  it('folds full-width forms and Latin case', () => {
    expect(normalize('ＧＤＰ比重２７％')).toBe('gdp比重27%');
  });

  it('writes percentages and fractions in words as digits, as articles mostly write them', () => {
    expect(normalize('約百分之75的面積')).toBe('约75%的面积');
    expect(normalize('百分之七十五的人口')).toBe('75%的人口');
    expect(normalize('百分之十六點六七的就業機會')).toBe('16.67%的就业机会');
    expect(normalize('占百分之12.5')).toBe('占12.5%');
    expect(normalize('臺灣本島的十六分之一')).toBe('台湾本岛的16分之1');
    expect(normalize('四分之三的土地')).toBe('4分之3的土地');
    // Highlights map back to the words as written.
    const { text, map } = normalizeMapped('约百分之七十五');
    expect(text).toBe('约75%');
    expect(map[1]).toBe(1);
  });

  it('maps Cantonese question words to Mandarin', () => {
    expect(normalize('幾多錢')).toBe('多少钱');
    expect(normalize('喺邊度')).toBe('在哪里');
    expect(normalize('要幾耐')).toBe('要多久');
    // Particles and words only Cantonese writes: 咗 (了), 係唔係 / 係咩; 而家 (now) is a stop word
    // instead, since Mandarin writes 然而家长 (however, parents).
    expect(normalize('北湖機場搞咗幾耐')).toBe('北湖机场搞了多久');
    expect(normalize('然而家长')).toBe('然而家长');
    expect(normalize('係唔係')).toBe('是不是');
    expect(normalize('呢個係咩')).toBe('呢个是什么');
    // 甚麼, as Taiwan and Hong Kong often write 什麼.
    expect(normalize('「Harvey」是甚麼動物')).toBe('「harvey」是什么动物');
  });

  it('writes numerals before units as digits, and leaves words alone', () => {
    expect(normalize('两个小时')).toBe('2个小时');
    expect(normalize('二十五年')).toBe('25年');
    expect(normalize('一石激起千层浪')).toBe('一石激起千层浪');
    // 哪一 asks which one: not the number 1.
    expect(normalize('哪一种港口')).toBe('哪一种港口');
    expect(parseChineseNumber('一百零五')).toBe(105);
    expect(parseChineseNumber('十二')).toBe(12);
    expect(parseChineseNumber('一一')).toBeNull();
  });

  it('keeps a map from every normalized offset back to the original', () => {
    const original = '郴州到廣州要兩個小時①';
    const { text, map } = normalizeMapped(original);
    expect(map).toHaveLength(text.length + 1);
    expect(map.at(-1)).toBe(original.length);
    const i = text.indexOf('广州');
    expect(original.slice(map[i], map[i + 2])).toBe('廣州');
    for (let k = 1; k < map.length; k++) expect(map[k]!).toBeGreaterThanOrEqual(map[k - 1]!);
  });

  it('drops control characters and lone surrogates without throwing', () => {
    expect(normalize('a\u0000b\ud800c')).toBe('a b c');
  });
});

describe('segmentation', () => {
  it('keeps numbers whole (HMM on)', () => {
    const words = searchWords(normalize('东江湖蓄水量81.2亿立方米,认证基地126个'));
    expect(words).toContain('81.2');
    expect(words).toContain('126');
    expect(words).not.toContain('8');
  });

  it('drops stop words and punctuation, keeping question content', () => {
    const words = searchWords(normalize('从郴州坐车到广州需要多长时间?'));
    expect(words).toEqual(expect.arrayContaining(['郴州', '广州']));
    for (const w of ['到', '需要', '多长时间', '时间', '?']) expect(words).not.toContain(w);
  });

  it('drops which-one words (哪一种, 哪几个) and Cantonese particles, which no answer repeats', () => {
    expect(searchWords(normalize('郴州自稱是哪一種港口城市？'))).toEqual(['郴州', '自称', '港口', '城市', '港口城市']);
    expect(searchWords(normalize('郴州未來要打造哪幾個「極」'))).toEqual(['郴州', '未来', '打造', '极']);
    expect(searchWords(normalize('武水喺邊度發源㗎'))).toEqual(['武水', '发源']);
    expect(searchWords(normalize('北湖機場而家點樣'))).toEqual(['北湖', '机场']);
    // Classical question words, common in Taiwan: 何年 (哪一年), 何處 (哪里), 何人 (谁), 何種 (哪种).
    expect(searchWords(normalize('蘇聯於何年解體'))).toEqual(['苏联', '解体']);
    expect(searchWords(normalize('元朝的經濟中心在何處'))).toEqual(['元朝', '经济', '中心']);
    expect(searchWords(normalize('拜占庭帝國的婚姻採何種制度'))).not.toContain('何种');
  });

  it('also finds an unknown name that jieba glued to the particle after it, as the dictionary word it is not', () => {
    expect(searchWords(normalize('狄托於西元幾年過世'))).toContain('狄托');
    expect(searchWords(normalize('狄托于亚伊采的会议上宣布'))).toContain('狄托');
  });

  it('segments Traditional input like Simplified after normalization', () => {
    expect(searchWords(normalize('東江湖的水質如何'))).toEqual(searchWords(normalize('东江湖的水质怎么样')));
  });

  it('makes CJK bigrams only inside CJK runs', () => {
    expect(bigrams('东江湖ab水')).toEqual(['东江', '江湖', '水']);
  });
});
