/** The reasons a file failed or was skipped are read by community managers: Chinese, with file and line. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeFile } from '../../src/knowledge/accounting.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

const BROKEN: Record<string, string | Buffer> = {
  'good.md': '# 好文章\n\n东江湖很美。\n',
  'untitled.md': '只有正文，没有标题。\n',
  'open.md': '---\ntitle: 没写完\n',
  'fence.md': '# 代码\n\n```\n没有结尾\n',
  'bad-url.md': '---\ntitle: 链接\nurl: ftp://example.com\n---\n正文。\n',
  'empty.txt': '\n\n',
  'title-only.txt': '只有标题\n',
  'odd.txt': Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]),
  'binary.txt': Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04, 0x05]),
  'page.html': '<html><body><nav><a href="/">首页</a></nav></body></html>',
  'word.docx': 'not a zip',
  'old.doc': Buffer.from([0xd0, 0xcf, 0x11, 0xe0]),
  'photo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47]),
  'notes.json': '{}',
  '_draft.md': '# 草稿\n\n正文。\n',
  'README.md': '# notes\n\nfor people\n',
  'faq.md': '开头的话\n\n## 没有回答的问题\n\n## 链接不对\n\n回答。\n\n链接：javascript:alert(1)\n',
  'userdict.txt': '北湖机场 ns\n北湖 机场 公园\n',
  'synonyms.txt': '孤单\n',
};

it('every skipped or failed file says why in Chinese, keeping file:line: reason', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chuchu-kb-'));
  for (const [name, content] of Object.entries(BROKEN)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  const k = await loadKnowledge(dir);
  const notLoaded = k.files.filter((f) => f.status !== 'loaded');
  // Every broken file above is reported (the good one, and only it, loads).
  expect(k.files.filter((f) => f.status === 'loaded').map((f) => f.file)).toEqual(['good.md']);
  expect(notLoaded.length).toBe(Object.keys(BROKEN).length - 1);
  const han = /\p{Script=Han}/u;
  for (const f of notLoaded) {
    // The reason itself is Chinese, not an English sentence with a Chinese quote in it.
    const words = f.reason!.replace(/<[^>]*>|"[^"]*"|“[^”]*”|（[^）]*）|\([^)]*\)|\S*[./]\S*|front matter|chuchu|README|PDF|HTML|Word|UTF-\d+(?:le|be)?|GB18030\/GBK|Big5|BOM|OCR|og:title|url|http\(s\)/giu, '');
    expect(words, `${f.file}: ${f.reason}`).not.toMatch(/[A-Za-z]{3,}/u);
    expect(f.reason, f.file).toMatch(han);
    expect(describeFile(f)).toMatch(new RegExp(`^(跳过|出错) ${f.file.replace('.', '\\.')}(:\\d+)?: `, 'u'));
  }
  for (const e of k.errors) expect(e.message).toMatch(new RegExp(`^${e.file.replace('.', '\\.')}(:\\d+)?: .*\\p{Script=Han}`, 'u'));
  expect(k.errors.map((e) => `${e.file}:${e.line ?? ''}`)).toEqual(expect.arrayContaining(['faq.md:1', 'faq.md:3', 'faq.md:9', 'userdict.txt:2', 'synonyms.txt:1', 'untitled.md:1']));
});
