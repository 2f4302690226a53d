import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFaqFile } from '../../src/knowledge/files.js';
import { parseFaq, parseFaqFiles } from '../../src/knowledge/parse-faq.js';
import { loadKnowledge } from '../../src/knowledge/load.js';

const GOOD = `<!--
说明：
## 这不是条目（在注释里）
-->
# 常见问题

## 郴州到广州要多久？
- 又问：郴州去广州多长时间
又问: 從郴州到廣州要幾耐

到广州1小时左右，
到深圳2个小时内。

第二段。

来源：《向南开放看郴州》
链接：https://example.com/a

## 什么是菜篮子基地？
菜篮子基地供应大湾区。
`;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'chuchu-faq-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('FAQ format', () => {
  it('reads questions, alternates, paragraphs, source and link; ignores comments and the title', () => {
    const { entries, errors } = parseFaq('faq.md', GOOD);
    expect(errors).toEqual([]);
    expect(entries).toEqual([
      {
        file: 'faq.md',
        line: 7,
        question: '郴州到广州要多久？',
        alternates: ['郴州去广州多长时间', '從郴州到廣州要幾耐'],
        answer: '到广州1小时左右，到深圳2个小时内。\n\n第二段。',
        source: '《向南开放看郴州》',
        url: 'https://example.com/a',
      },
      { file: 'faq.md', line: 19, question: '什么是菜篮子基地？', alternates: [], answer: '菜篮子基地供应大湾区。', source: null, url: null },
    ]);
  });

  it('reports an invalid entry with file and line, skips it, and keeps the rest', () => {
    const content = [
      '开头的文字', // 1: before any question
      '## 没有回答的问题', // 2
      '- 又问：另一种问法', // 3
      '',
      '## 链接不对', // 5
      '回答。',
      '链接：javascript:alert(1)', // 7
      '',
      '## 好问题', // 9
      '好回答。',
      '',
      '## ', // 12: empty question
      '回答。',
      '',
      '## 又一个',
      '- 又问：', // 16: empty alternate
      '回答。',
    ].join('\n');
    const { entries, errors } = parseFaq('faq/bad.md', content);
    expect(entries.map((e) => e.question)).toEqual(['好问题']);
    expect(errors.map((e) => [e.file, e.line])).toEqual([
      ['faq/bad.md', 1],
      ['faq/bad.md', 2],
      ['faq/bad.md', 7],
      ['faq/bad.md', 12],
      ['faq/bad.md', 16],
    ]);
    expect(errors[1]!.message).toMatch(/^faq\/bad\.md:2: .*没有答案/u);
    expect(errors[2]!.message).toMatch(/http\(s\)/u);
  });

  it('skips a later entry that repeats a question (also in Traditional or as an alternate)', () => {
    const { entries, errors } = parseFaqFiles([
      { file: 'a.faq.md', content: '## 郴州到广州要多久？\n一小时。\n' },
      { file: 'faq.md', content: '\n## 其他问题\n- 又问：郴州到廣州要多久\n回答。\n' },
    ]);
    expect(entries.map((e) => e.file)).toEqual(['a.faq.md']);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/^faq\.md:2: .*a\.faq\.md:1/u)]);
  });

  it('recognises FAQ files by name and folder', () => {
    expect(['faq.md', 'FAQ.md', 'city.faq.md', 'faq/a.md', path.join('x', 'faq', 'b.md')].every(isFaqFile)).toBe(true);
    expect(['article.md', 'faq.txt', 'faqs.md', 'notfaq.md'].some(isFaqFile)).toBe(false);
  });
});

describe('loading FAQ files with the knowledge', () => {
  it('never loads FAQ files as articles, and returns their entries and errors', async () => {
    const dir = folder({
      'a.md': '# 文章\n\n东江湖很美。\n',
      'faq.md': '## 东江湖在哪里？\n在郴州。\n',
      'more.faq.md': '## 没有回答\n',
      'faq/c.md': '## 第三问\n回答三。\n',
    });
    const k = await loadKnowledge(dir);
    expect(k.articles.map((a) => a.title)).toEqual(['文章']);
    expect(k.faq.map((e) => e.question).sort()).toEqual(['东江湖在哪里？', '第三问']);
    expect(k.errors.map((e) => `${e.file}:${e.line}`)).toEqual(['more.faq.md:1']);
  });

  it('ships a valid FAQ for the seed article', async () => {
    const k = await loadKnowledge(path.resolve(import.meta.dirname, '../../knowledge'));
    expect(k.errors).toEqual([]);
    expect(k.faq.length).toBeGreaterThanOrEqual(3);
    expect(k.articles).toHaveLength(1);
  });
});
