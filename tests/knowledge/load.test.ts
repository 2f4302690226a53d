import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/shared/errors.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { splitLong } from '../../src/knowledge/passages.js';
import { addWords, taggedWords } from '../../src/text/segment.js';

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'chuchu-kb-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('loadKnowledge', () => {
  it('loads the shipped knowledge with stable ids', async () => {
    const a = await loadKnowledge('knowledge');
    const b = await loadKnowledge('knowledge');
    expect(a.errors).toEqual([]);
    expect(a.articles.map((x) => x.title)).toEqual(['向南开放看郴州']);
    expect(a.passages.length).toBeGreaterThanOrEqual(34);
    expect(a.passages.map((p) => p.id)).toEqual(b.passages.map((p) => p.id));
    expect(new Set(a.passages.map((p) => p.id)).size).toBe(a.passages.length);
    expect(a.passages[0]).toMatchObject({ article: '向南开放看郴州', section: null, paragraph: 1, source: '郴州日报', author: '王路莎' });
    expect(a.userWords).toContainEqual({ word: '东江湖', tag: 'n' });
  });

  it('keeps an id when other paragraphs change', async () => {
    const one = await loadKnowledge(folder({ 'a.md': '# T\n\n甲段。\n\n乙段。\n' }));
    const two = await loadKnowledge(folder({ 'a.md': '# T\n\n新的一段。\n\n甲段。\n\n乙段。\n' }));
    expect(two.passages.map((p) => p.id)).toEqual(expect.arrayContaining(one.passages.map((p) => p.id)));
  });

  it('reports a broken file by name and line, and loads the rest', async () => {
    const dir = folder({
      'good.md': '# 好文章\n\n东江湖很美。\n',
      'bad.md': '---\ntitle x\n---\n正文。\n',
      'binary.txt': Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]),
      'notes.json': '{}',
    });
    const k = await loadKnowledge(dir);
    expect(k.articles.map((a) => a.title)).toEqual(['好文章']);
    expect(k.errors.map((e) => e.message).sort()).toEqual([
      'bad.md:2: front matter 里这一行不是 "键: 值" 的格式："title x"',
      'binary.txt: 文件不完整：按 utf-16le（字节顺序标记 BOM）字节数应为偶数，实际是奇数',
    ]);
  });

  it('fails clearly on an empty or missing folder', async () => {
    await expect(loadKnowledge(folder({}))).rejects.toThrow(/知识库文件夹里没有可用的文章/u);
    await expect(loadKnowledge('/nonexistent/chuchu')).rejects.toBeInstanceOf(KnowledgeError);
  });

  it('reads synonyms and reports a one-word group with its line', async () => {
    const k = await loadKnowledge(folder({ 'a.md': '# T\n\n正文。\n', 'synonyms.txt': '# comment\n大湾区 粤港澳大湾区 湾区\n孤单\n' }));
    expect(k.synonyms).toEqual([['大湾区', '粤港澳大湾区', '湾区']]);
    expect(k.errors.map((e) => e.message)).toEqual(['synonyms.txt:3: 一组同义词至少要有两个词，用空格隔开']);
  });

  it("reads userdict.txt in jieba's format, word [frequency] [part of speech], and jieba uses the tag", async () => {
    const dict = '# words\n翠屏垭口站 ns\n青梅坳 12 ns\n松针糕 3\n石门槛\n坏 行 多 字\n';
    const k = await loadKnowledge(folder({ 'a.md': '# T\n\n一段。\n', 'userdict.txt': dict }));
    expect(k.userWords).toEqual([{ word: '翠屏垭口站', tag: 'ns' }, { word: '青梅坳', tag: 'ns' }, { word: '松针糕' }, { word: '石门槛' }]);
    expect(k.errors).toHaveLength(1);
    expect(k.errors[0]).toMatchObject({ file: 'userdict.txt', line: 6 });
    addWords(k.userWords);
    expect(taggedWords('我们在翠屏垭口站下车')).toContainEqual({ word: '翠屏垭口站', tag: 'ns' });
    expect(taggedWords('买了松针糕')).toContainEqual({ word: '松针糕', tag: 'x' });
  });

  it('splits a very long paragraph at sentence ends', () => {
    const long = '这是一个句子。'.repeat(100);
    const parts = splitLong(long, 100);
    expect(parts.join('')).toBe(long);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(100);
    expect(parts.every((p) => p.endsWith('。'))).toBe(true);
  });
});
