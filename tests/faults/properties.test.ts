/**
 * Property tests: arbitrary Unicode (emoji, combining marks, RTL, lone surrogates, controls,
 * 10k-character strings) through normalization, segmentation, excerpting and Telegram
 * formatting. Nothing throws, excerpts stay within budget, Telegram HTML stays well-formed.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerResult } from '../../src/answer/types.js';
import { chooseExcerpt, EXCERPT_BUDGET } from '../../src/answer/excerpt.js';
import { coarseType } from '../../src/answer/question-type.js';
import { formatAnswer, formatDeclined, formatResult, highlightExcerpt } from '../../src/bot/format.js';
import { splitHtml, TELEGRAM_MESSAGE_LIMIT } from '../../src/bot/split.js';
import { normalize, normalizeMapped } from '../../src/text/normalize.js';
import { loadDictionary, searchWords, words } from '../../src/text/segment.js';
import { tokens } from '../../src/text/terms.js';
import { hostileText, hugeText } from './arbitraries.js';
import { telegramHtmlProblem } from './telegram-html.js';

beforeAll(() => loadDictionary());

const anyText = fc.oneof({ weight: 9, arbitrary: hostileText() }, { weight: 1, arbitrary: hugeText });
const answerType = fc.constantFrom('duration', 'distance', 'date', 'number', 'place', 'person', 'organisation', 'definition', 'other' as const);

describe('normalization and segmentation', () => {
  it('never throw, and map every normalized unit back into the original', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const n = normalize(s);
        const mapped = normalizeMapped(s);
        expect(mapped.text).toBe(n);
        for (const o of mapped.map) expect(o >= 0 && o <= s.length).toBe(true);
        const t = tokens(n);
        for (const w of [...searchWords(n), ...t.words, ...t.bigrams]) expect(typeof w).toBe('string');
        expect(words(n).join('').length).toBeLessThanOrEqual(n.length * 3 + 3);
      }),
      { numRuns: 150 },
    );
  });
});

describe('excerpting', () => {
  it('never throws; the excerpt fits the budget; highlights are sorted ranges inside it', () => {
    fc.assert(
      fc.property(anyText, fc.array(fc.tuple(hostileText(6), fc.double({ min: 0, max: 20, noNaN: true })), { maxLength: 6 }), answerType, (text, rawTerms, fine) => {
        // Terms from the text itself too, so the matching paths run, not only the no-match one.
        const own = normalize(text).slice(0, 4);
        const terms = [...rawTerms.map(([term, weight]) => ({ term: normalize(term), weight })), ...(own ? [{ term: own, weight: 3 }] : [])];
        const { excerpt, highlights } = chooseExcerpt(text, { normalized: '', type: coarseType(fine), answerType: fine, terms, phrase: [] });
        expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_BUDGET);
        let pos = 0;
        for (const [start, end] of highlights) {
          expect(start).toBeGreaterThanOrEqual(pos);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(excerpt.length);
          pos = end;
        }
      }),
      { numRuns: 200 },
    );
  });
});

const result = fc.record({
  excerpt: hostileText(130),
  highlights: fc.array(fc.tuple(fc.integer({ min: -5, max: 140 }), fc.integer({ min: -5, max: 140 })), { maxLength: 5 }),
  passageId: hostileText(10),
  article: hostileText(40),
  section: fc.option(hostileText(20), { nil: null }),
  paragraph: fc.integer({ min: 1, max: 500 }),
  source: fc.option(hostileText(10), { nil: null }),
  url: fc.option(fc.oneof(fc.webUrl(), hostileText(30), fc.constant('javascript:alert(1)'), fc.constant('https://a.b/"><script>')), { nil: null }),
  score: fc.double({ min: 0, max: 1, noNaN: true }),
}) as fc.Arbitrary<AnswerResult>;

describe('Telegram formatting', () => {
  it('answers, declines and highlights are well-formed Telegram HTML, and split parts too', () => {
    fc.assert(
      fc.property(anyText, fc.array(result, { maxLength: 5 }), fc.array(hostileText(30), { maxLength: 4 }), (question, results, titles) => {
        const html = [
          formatAnswer(question, results),
          formatDeclined({ question, suggestions: titles }, titles, titles),
          ...results.map(formatResult),
          ...results.map((r) => highlightExcerpt(r.excerpt, r.highlights)),
        ];
        for (const h of html) {
          expect(telegramHtmlProblem(h)).toBeNull();
          for (const part of splitHtml(h)) {
            expect(part.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
            expect(telegramHtmlProblem(part)).toBeNull();
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  // A limit above the longest single tag: a tag is never cut, so one longer than the limit cannot fit
  // (only possible with a URL of thousands of characters at Telegram's real limit of 4,096).
  it('splits long answers into well-formed parts under any limit above the longest tag', () => {
    fc.assert(
      fc.property(fc.array(result, { minLength: 1, maxLength: 5 }), fc.integer({ min: 400, max: 800 }), (results, limit) => {
        fc.pre(results.every((r) => (r.url ?? '').length < 300));
        const html = formatAnswer('问题', results);
        for (const part of splitHtml(html, limit)) {
          expect(part.length).toBeLessThanOrEqual(limit);
          expect(telegramHtmlProblem(part)).toBeNull();
        }
      }),
      { numRuns: 150 },
    );
  });
});
