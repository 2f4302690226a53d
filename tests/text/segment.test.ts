import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';
import { describe, expect, it } from 'vitest';
import { loadDictionary, searchWords, taggedWords, words } from '../../src/text/segment.js';

/** What a process that loads jieba the default way (its keyword tables included) says of `texts`. */
function withDefaultLoad(texts: string[]): { cut: string[][]; search: string[][]; tag: Array<Array<{ word: string; tag: string }>>; extract: unknown } {
  const script = `
    const j = require('nodejieba');
    j.load();
    const texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    console.log(JSON.stringify({
      cut: texts.map((t) => j.cut(t, true)),
      search: texts.map((t) => j.cutForSearch(t, true)),
      tag: texts.map((t) => j.tag(t)),
      extract: j.extract(texts.reduce((a, b) => (b.length > a.length ? b : a)), 5),
    }));`;
  const r = spawnSync(process.execPath, ['-e', script], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe('jieba loaded without its keyword tables', () => {
  // The seed article's paragraphs, and sentences of our own with names, numbers and Latin letters.
  const seed = readFileSync(new URL('../../knowledge/chenzhou-opening-south.txt', import.meta.url), 'utf8').split(/\n\s*\n/u).filter((p) => p.trim());
  const texts = [...seed, '郴州的东江湖蓄水量是81.2亿立方米吗', '小明在2024年买了一部iPhone 15，花了五千多块钱', '粤港澳大湾区的高铁什么时候通车'];

  it('segments and tags exactly as the default load does', () => {
    loadDictionary();
    const reference = withDefaultLoad(texts);
    expect(texts.map((t) => words(t))).toEqual(reference.cut);
    expect(texts.map((t) => nodejieba.cutForSearch(t, true))).toEqual(reference.search);
    expect(texts.map((t) => taggedWords(t))).toEqual(reference.tag);
    expect(searchWords(texts.at(-1)!)).toContain('粤港澳');
    // The stubs are what this process loaded: keyword extraction, which reads them, weighs differently.
    expect(nodejieba.extract(texts.reduce((a, b) => (b.length > a.length ? b : a)), 5)).not.toEqual(reference.extract);
  }, 60_000);
});
