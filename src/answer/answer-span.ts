import { normalizeMapped } from '../text/normalize.js';
import { SENTENCE } from '../text/sentences.js';
import type { AnswerType } from './question-type.js';
import { typedSpans, type TextSpan } from './typed-spans.js';

/** What the answer span needs to know of the question. */
export interface SpanQuestion {
  /** The normalized question: a span that restates it (its own 1990年) is not the answer. */
  normalized: string;
  type: AnswerType;
}

/**
 * How a candidate is chosen, fitted on cmrc2018-train (scripts/fit-answer-span.ts):
 * the span in the sentence with the most of the question's words wins, then the
 * one nearest them; `after` is the head start, in characters, of a span that
 * follows the question's words over one before them (答案 usually follows 问题的话).
 */
export const ANSWER_SPAN = { after: 0 };

/** Sentences of the excerpt as [start, end) ranges. */
function sentenceRanges(text: string): TextSpan[] {
  const out: TextSpan[] = [];
  for (const m of text.matchAll(SENTENCE)) if (m[0].length > 0) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

const overlap = (a: TextSpan, b: TextSpan) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * The span of an excerpt that most likely answers: among the spans shaped like
 * the asked-for type (a number with its unit, a date, a place, a name; see
 * typed-spans.ts) that are not words of the question, the one in the sentence
 * holding most of the question's words (`highlights`), nearest to them.
 * [start, end) in UTF-16 units of `excerpt`, or null when no span fits.
 */
export function answerSpan(excerpt: string, highlights: ReadonlyArray<readonly [number, number]>, question: SpanQuestion): [number, number] | null {
  if (question.type === 'other' || question.type === 'definition') return null;
  const { text: norm, map } = normalizeMapped(excerpt);
  const candidates = typedSpans(question.type, norm)
    .filter((s) => !question.normalized.includes(norm.slice(s.start, s.end).trim()))
    .map((s) => trimmed(excerpt, { start: map[s.start]!, end: map[s.end]! }))
    .filter((s) => s.end > s.start);
  if (candidates.length === 0) return null;
  const marks = highlights.map(([start, end]) => ({ start, end }));
  const sentences = sentenceRanges(excerpt);
  let best: TextSpan | null = null;
  let bestKey: [number, number] = [-Infinity, Infinity];
  for (const c of candidates) {
    // A span that is itself mostly a word of the question (郴州 in 郴州市) is not the answer.
    if (marks.some((m) => overlap(m, c) * 2 > c.end - c.start)) continue;
    const sentence = sentences.find((s) => c.start >= s.start && c.start < s.end) ?? { start: 0, end: excerpt.length };
    const inSentence = marks.filter((m) => overlap(m, sentence) > 0);
    const words = inSentence.reduce((n, m) => n + m.end - m.start, 0);
    const distance = Math.min(
      Infinity,
      ...(inSentence.length ? inSentence : marks).map((m) => (c.start >= m.end ? c.start - m.end - ANSWER_SPAN.after : m.start >= c.end ? m.start - c.end : 0)),
    );
    if (words > bestKey[0] || (words === bestKey[0] && distance < bestKey[1])) [best, bestKey] = [c, [words, distance]];
  }
  return best ? [best.start, best.end] : null;
}

/** Without the spaces a pattern may have taken at either edge. */
function trimmed(text: string, s: TextSpan): TextSpan {
  let { start, end } = s;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}
