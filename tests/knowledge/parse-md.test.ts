import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/shared/errors.js';
import { parseMd } from '../../src/knowledge/parse-md.js';

const md = `---
title: "东江湖旅游指南"
source: 资兴日报
date: 2024-05-01
url: https://example.org/dongjiang
---

# 东江湖

东江湖位于资兴市，
水域面积160平方公里。

## 交通

从郴州出发约一小时。

- 自驾
- 公交
`;

describe('parseMd', () => {
  it('reads front matter and headings as sections', () => {
    const a = parseMd('guide.md', md);
    expect(a).toMatchObject({ title: '东江湖旅游指南', source: '资兴日报', date: '2024-05-01', url: 'https://example.org/dongjiang' });
    expect(a.paragraphs.map((p) => [p.section, p.text])).toEqual([
      ['东江湖', '东江湖位于资兴市，水域面积160平方公里。'],
      ['交通', '从郴州出发约一小时。'],
      ['交通', '自驾'],
      ['交通', '公交'],
    ]);
  });

  it('takes the first # heading as the title when front matter has none', () => {
    const a = parseMd('a.md', '# 标题\n\n正文。\n\n## 一节\n\n第二段。\n');
    expect(a.title).toBe('标题');
    expect(a.paragraphs.map((p) => p.section)).toEqual([null, '一节']);
  });

  it('joins Latin words across lines with a space', () => {
    expect(parseMd('a.md', '# T\n\nhello\nworld\n').paragraphs[0]!.text).toBe('hello world');
  });

  it('names file and line of a malformed front matter line', () => {
    try {
      parseMd('bad.md', '---\ntitle: x\nthis is not a key\n---\n正文。\n');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KnowledgeError);
      expect((e as KnowledgeError).line).toBe(3);
      expect((e as Error).message).toMatch(/^bad\.md:3: /u);
    }
  });

  it('rejects unclosed front matter and files without a title', () => {
    expect(() => parseMd('u.md', '---\ntitle: x\n')).toThrow(/^u\.md:1: front matter 以 "---" 开始，却没有结束/u);
    expect(() => parseMd('n.md', '只有正文。\n')).toThrow(/^n\.md:1: 没有标题/u);
  });
});
