import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/shared/errors.js';
import { parseByline, parseTxt } from '../../src/knowledge/parse-txt.js';

const seed = readFileSync(new URL('../../knowledge/chenzhou-opening-south.txt', import.meta.url), 'utf8');

describe('parseTxt on the seed article', () => {
  const a = parseTxt('chenzhou-opening-south.txt', seed);
  const texts = a.paragraphs.map((p) => p.text);

  it('reads title, subtitle and byline', () => {
    expect(a.title).toBe('向南开放看郴州');
    expect(a.subtitle).toBe('郴州市全力打造湖南省对接粤港澳大湾区重要增长极工作综述');
    expect(a.source).toBe('郴州日报');
    expect(a.author).toBe('王路莎');
  });

  it('finds the three sections, in order, after the lead paragraphs', () => {
    expect([...new Set(a.paragraphs.map((p) => p.section))]).toEqual([null, '底气十足', '基础牢固', '前景广阔']);
    expect(a.paragraphs[0]!.text.startsWith('在临武县三峰岭')).toBe(true);
  });

  it('leaves photo captions out of the body', () => {
    for (const caption of ['郴州城区', '研发人员忙于装配调试飞机', '粤港澳大湾区“菜篮子”生产供应基地', '旗滨中性硼硅医药玻璃项目', '郴州北湖机场(本版图片均为资料图)']) {
      expect(texts).not.toContain(caption);
      expect(texts.some((t) => t.includes(caption) && t.length < caption.length + 5)).toBe(false);
    }
    expect(texts.at(-1)).toBe('乘着向南的力量,对接粤港澳大湾区,打造全省的重要增长极。郴州,前方一片坦途。');
  });

  it('joins the four paragraphs broken mid-sentence, with no separator', () => {
    for (const joined of ['创新示范区', '紧紧围绕落实', '全力打造湖南省', '奋力谱写了坚持', '市级领导“三帮”制', '监督管理、信用联动']) {
      expect(texts.some((t) => t.includes(joined))).toBe(true);
    }
    // No paragraph is left without sentence-final punctuation.
    for (const t of texts) expect(t).toMatch(/[。”]$/u);
    expect(texts).toHaveLength(34);
  });

  it('does not treat a short sentence as a heading', () => {
    expect(texts).toContain('郴水南下汇珠江,楚粤孔道情义长。');
  });
});

describe('parseTxt edge cases', () => {
  it('rejects an empty file with the file name', () => {
    expect(() => parseTxt('empty.txt', '\n\n  \n')).toThrow(KnowledgeError);
    expect(() => parseTxt('empty.txt', '')).toThrow(/empty\.txt/u);
  });

  it('rejects a title with no body, naming the line', () => {
    const err = (() => {
      try {
        parseTxt('t.txt', '\n标题\n');
      } catch (e) {
        return e as KnowledgeError;
      }
    })();
    expect(err?.line).toBe(2);
  });

  it('handles CRLF line endings like LF', () => {
    const crlf = seed.replace(/\n/gu, '\r\n');
    expect(parseTxt('x.txt', crlf).paragraphs).toEqual(parseTxt('x.txt', seed).paragraphs);
  });

  it('splits a byline into source and author', () => {
    expect(parseByline('□ 新华社记者 张三')).toEqual({ source: '新华社', author: '张三' });
    expect(parseByline('□ 本报讯')).toEqual({ source: '本报讯', author: null });
  });
});
