import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerResult } from '../../src/answer/types.js';
import { escapeHtml, formatAnswer, formatCitation, formatDeclined, highlightExcerpt } from '../../src/bot/format.js';
import { visibleText } from '../../src/bot/split.js';

const result = (over: Partial<AnswerResult> = {}): AnswerResult => ({
  excerpt: '郴州作为湖南“南大门”，是对接粤港澳大湾区的桥头堡。',
  highlights: [[18, 21]],
  passageId: 'a-1',
  article: '向南开放看郴州',
  section: '底气十足',
  paragraph: 5,
  source: '郴州日报',
  url: null,
  score: 1,
  ...over,
});

describe('escapeHtml', () => {
  it('escapes the three characters Telegram HTML requires', () => {
    expect(escapeHtml('<b>a & b</b> &amp;')).toBe('&lt;b&gt;a &amp; b&lt;/b&gt; &amp;amp;');
  });

  it('round-trips any text through what Telegram shows', () => {
    fc.assert(fc.property(fc.string(), (s) => visibleText(escapeHtml(s)) === s && !/[<>]/.test(escapeHtml(s))));
  });
});

describe('highlightExcerpt', () => {
  it('bolds the highlighted ranges and escapes everything', () => {
    expect(highlightExcerpt('<i>大湾区</i> & 郴州', [[3, 6], [13, 15]])).toBe('&lt;i&gt;<b>大湾区</b>&lt;/i&gt; &amp; <b>郴州</b>');
  });

  it('skips ranges that overlap, run backwards or past the end instead of producing broken HTML', () => {
    expect(highlightExcerpt('abcdef', [[1, 3], [2, 4], [5, 4], [4, 99]])).toBe('a<b>bc</b>def');
  });

  it('keeps the visible text identical for arbitrary highlights', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.tuple(fc.nat(40), fc.nat(40))), (text, ranges) => {
        const html = highlightExcerpt(text, ranges as Array<[number, number]>);
        return visibleText(html) === text && (html.match(/<b>/g)?.length ?? 0) === (html.match(/<\/b>/g)?.length ?? 0);
      }),
    );
  });
});

describe('formatCitation', () => {
  it('matches the house format', () => {
    expect(formatCitation(result())).toBe('——《向南开放看郴州》· 底气十足 · 第5段');
    expect(formatCitation(result({ section: null, paragraph: 2 }))).toBe('——《向南开放看郴州》· 第2段');
  });

  it('links the title when the article has a url, with the href escaped', () => {
    const html = formatCitation(result({ url: 'https://example.com/a?x=1&y="2"' }));
    expect(html).toBe('——<a href="https://example.com/a?x=1&amp;y=%222%22">《向南开放看郴州》</a>· 底气十足 · 第5段');
  });

  it('never links a non-http url', () => {
    expect(formatCitation(result({ url: 'javascript:alert(1)' }))).not.toContain('<a');
  });
});

describe('formatAnswer and formatDeclined', () => {
  it('quotes each excerpt with its citation under the escaped question', () => {
    const html = formatAnswer('<script>郴州</script>?', [result(), result({ paragraph: 7 })]);
    expect(html).toContain('❓ &lt;script&gt;郴州&lt;/script&gt;?');
    expect(html.match(/<blockquote>/g)).toHaveLength(2);
    expect(html).toContain('对接粤港澳<b>大湾区</b>的桥头堡');
    expect(html).toContain('第7段');
  });

  it('says plainly there is no answer and lists what is covered, without doubling 《》', () => {
    const html = formatDeclined({ question: '天气<如何>', suggestions: ['《向南开放看郴州》'] }, ['向南开放看郴州'], ['郴州为什么要对接大湾区？']);
    expect(html).toContain('知识库里没有找到“天气&lt;如何&gt;”的答案');
    expect(html).toContain('• 《向南开放看郴州》');
    expect(html).not.toContain('《《');
    expect(html).toContain('郴州为什么要对接大湾区？');
  });

  it('falls back to the article titles when the engine gives no suggestions', () => {
    expect(formatDeclined({ question: 'x', suggestions: [] }, ['A&B'], [])).toContain('• 《A&amp;B》');
  });
});
