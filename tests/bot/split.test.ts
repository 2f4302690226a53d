import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/bot/format.js';
import { splitHtml, TELEGRAM_MESSAGE_LIMIT, visibleText } from '../../src/bot/split.js';

/** True when every tag opened in `html` is closed in order and no `&` starts a broken entity. */
function wellFormed(html: string): boolean {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z-]+)[^>]*>/g)) {
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]!);
  }
  return stack.length === 0 && !/&(?!amp;|lt;|gt;|quot;)/.test(html) && !/<[^>]*$/.test(html);
}

const squash = (s: string) => s.replace(/\s+/g, '');

describe('splitHtml', () => {
  it('leaves a short message alone', () => {
    expect(splitHtml('<b>短</b>')).toEqual(['<b>短</b>']);
  });

  it('splits a reply over 4,096 characters on paragraph boundaries', () => {
    const paragraph = (i: number) => `<blockquote>${'郴州向南开放。'.repeat(60)}${i}</blockquote>\n——《向南开放看郴州》· 第${i}段`;
    const html = Array.from({ length: 12 }, (_, i) => paragraph(i + 1)).join('\n\n');
    expect(html.length).toBeGreaterThan(TELEGRAM_MESSAGE_LIMIT);
    const parts = splitHtml(html);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
      expect(wellFormed(part)).toBe(true);
      // Paragraph cuts: each part starts with a quote and ends with a citation.
      expect(part.startsWith('<blockquote>')).toBe(true);
      expect(part).toMatch(/第\d+段$/);
    }
    expect(squash(parts.map(visibleText).join(''))).toBe(squash(visibleText(html)));
  });

  it('cuts inside a long quote at a sentence end, closing and reopening its tags', () => {
    const html = `<blockquote><b>${'这是一句话。'.repeat(40)}</b></blockquote>`;
    const parts = splitHtml(html, 100);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(100);
      expect(part).toMatch(/^<blockquote><b>.*。<\/b><\/blockquote>$/);
    }
  });

  it('never cuts inside an entity or a tag', () => {
    const html = `<a href="https://example.com/${'x'.repeat(30)}">${'&amp;&lt;'.repeat(40)}</a>`;
    for (const part of splitHtml(html, 80)) {
      expect(part.length).toBeLessThanOrEqual(80);
      expect(wellFormed(part)).toBe(true);
    }
  });

  it('keeps parts within the limit, well formed, and the text intact for any escaped input', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 30 }).map(escapeHtml),
      fc.constantFrom('\n', '\n\n', '。', '！'),
      fc.string({ maxLength: 20 }).map((s) => `<b>${escapeHtml(s)}</b>`),
      fc.string({ maxLength: 40 }).map((s) => `<blockquote>${escapeHtml(s)}<i>x</i></blockquote>`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 60, max: 300 }), (pieces, limit) => {
        const html = pieces.join('');
        const parts = splitHtml(html, limit);
        return (
          parts.every((p) => p.length <= limit && wellFormed(p)) &&
          squash(parts.map(visibleText).join('')) === squash(visibleText(html))
        );
      }),
      { numRuns: 300 },
    );
  });
});
