/** Finding 13: an article's url is accepted only as a full http(s) address, else an error naming file and line. */
import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/shared/errors.js';
import { parseMd } from '../../src/knowledge/parse-md.js';

const article = (url: string) => `---\ntitle: 测试文章\nsource: 测试报\nurl: ${url}\n---\n\n正文第一段。\n`;

describe('front matter url', () => {
  it.each(['https://example.com/a?b=1', 'http://example.com', '"https://example.com/引号"'])('accepts %s', (url) => {
    expect(parseMd('a.md', article(url)).url).toMatch(/^https?:\/\//);
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example/x', 'example.com/page', 'ftp://example.com/f', ' java\tscript:alert(1)'])(
    'refuses %s with file and line',
    (url) => {
      try {
        parseMd('news/a.md', article(url));
        expect.unreachable('accepted');
      } catch (e) {
        expect(e).toBeInstanceOf(KnowledgeError);
        expect((e as KnowledgeError).file).toBe('news/a.md');
        expect((e as KnowledgeError).line).toBe(4);
        expect((e as KnowledgeError).message).toMatch(/http/);
      }
    },
  );

  it('an empty url is no url', () => {
    expect(parseMd('a.md', article('')).url).toBeNull();
  });
});
