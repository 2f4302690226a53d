import { normalizeMapped } from '../text/normalize.js';
import { CLAUSE, SENTENCE } from '../text/sentences.js';
import { sentenceScores, type SentenceModel, type SentenceQuery, type WeightedTerm } from './sentence-model.js';
import { SENTENCE_WEIGHTS } from './sentence-weights.js';
import { renderExcerpt, type Excerpt, type Span } from './excerpt-render.js';

export type { WeightedTerm } from './sentence-model.js';

/** Longest excerpt shown, in UTF-16 units (≥ characters), ellipses included. */
export const EXCERPT_BUDGET = 120;

export type { Excerpt, Span } from './excerpt-render.js';


/** Splits [start, end) of `text` with a pattern that matches consecutive pieces. */
function pieces(text: string, span: Span, pattern: RegExp): Span[] {
  const out: Span[] = [];
  const slice = text.slice(span.start, span.end);
  for (const m of slice.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    const start = span.start + m.index!;
    out.push({ start, end: start + m[0].length });
  }
  return out.length ? out : [span];
}

/**
 * Grows a window of consecutive units around `best`, taking the better-scored
 * neighbour first (the next one on a tie), while the text still fits and the
 * window is not `enough`.
 */
function grow(units: Span[], scores: number[], best: number, fits: (s: Span) => boolean, enough = (_lo: number, _hi: number) => false): Span {
  let lo = best;
  let hi = best;
  while (!enough(lo, hi)) {
    const canPrev = lo > 0 && fits({ start: units[lo - 1]!.start, end: units[hi]!.end });
    const canNext = hi < units.length - 1 && fits({ start: units[lo]!.start, end: units[hi + 1]!.end });
    if (!canPrev && !canNext) break;
    if (canNext && (!canPrev || scores[hi + 1]! >= scores[lo - 1]!)) hi++;
    else lo--;
  }
  return { start: units[lo]!.start, end: units[hi]!.end };
}

function softmax(xs: number[]): number[] {
  const max = Math.max(...xs);
  const e = xs.map((x) => Math.exp(x - max));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / z);
}

/** The sentences of a passage as excerpts choose among them: trimmed, non-empty, in order (the fit labels these too). */
export function sentenceSpans(text: string): Span[] {
  const whole = trimSpan(text, { start: 0, end: text.length });
  return pieces(text, whole, SENTENCE).map((s) => trimSpan(text, s)).filter((s) => s.end > s.start);
}

const argmax = (xs: number[]) => xs.reduce((best, x, i) => (x > xs[best]! ? i : best), 0);

/**
 * Chooses the excerpt of a passage that best answers the question: the
 * sentence the fitted sentence model (sentence-model.ts) finds likeliest to
 * hold the answer, widened with neighbouring sentences, the likelier first,
 * until the quote holds `neighbourMass` of that probability (within the
 * budget), and a likely sentence apart from them after a `…` (`secondMass`, see
 * `secondChoice`); a sentence too long is cut at clause boundaries around its best
 * clause. `…` marks text left out. Highlights are the question's terms in the excerpt.
 */
export function chooseExcerpt(
  text: string,
  query: SentenceQuery,
  budget = EXCERPT_BUDGET,
  context: { title?: string; neighbourMass?: number; secondMass?: number; model?: SentenceModel } = {},
): Excerpt {
  const terms = query.terms;
  const { text: norm, map } = normalizeMapped(text);
  // toNorm[o] = first normalized offset whose original offset is ≥ o.
  const toNorm = new Array<number>(text.length + 1);
  for (let i = norm.length, o = text.length; o >= 0; o--) {
    while (i > 0 && map[i - 1]! >= o) i--;
    toNorm[o] = i;
  }
  const normOf = (s: Span) => norm.slice(toNorm[s.start], toNorm[s.end]);
  const whole = trimSpan(text, { start: 0, end: text.length });
  const cost = (s: Span) => s.end - s.start + (s.start > whole.start ? 1 : 0) + (s.end < whole.end ? 1 : 0);
  const fits = (s: Span) => cost(s) <= budget;
  if (fits(whole)) return renderExcerpt(text, norm, map, toNorm, [whole], whole, terms);

  const sentences = sentenceSpans(text);
  const title = context.title ? normalizeMapped(context.title).text : '';
  const scores = sentenceScores(query, sentences.map(normOf), title, context.model);
  const best = argmax(scores);
  const mass = context.neighbourMass ?? SENTENCE_WEIGHTS.neighbourMass;
  let window: Span;
  if (fits(sentences[best]!)) {
    const p = softmax(scores);
    const secondMass = context.secondMass ?? SENTENCE_WEIGHTS.secondMass;
    const second = mass < 1 && secondMass < 1 ? secondChoice(sentences, p, best, secondMass, (a, b) => cost(a) + cost(b) <= budget) : -1;
    const apart = sentences[second];
    // Whether the second sentence lies outside a window (by its sentences, or by its span).
    const outside = (lo: number, hi: number) => second >= 0 && (second < lo || second > hi);
    const beyond = (s: Span) => apart !== undefined && (apart.start < s.start || apart.end > s.end);
    // Neighbours join until the quote holds `mass` of the model's probability that it answers (the
    // second sentence's share counted, its room kept); at 1 they fill the budget.
    const enough = (lo: number, hi: number) => p.slice(lo, hi + 1).reduce((a, b) => a + b, outside(lo, hi) ? p[second]! : 0) >= mass;
    const room = (s: Span) => (beyond(s) ? cost(s) + cost(apart!) <= budget : fits(s));
    window = mass >= 1 ? fill(text, sentences, grow(sentences, scores, best, fits), fits) : grow(sentences, scores, best, room, enough);
    if (beyond(window)) {
      const [a, b] = [window, apart!].sort((x, y) => x.start - y.start) as [Span, Span];
      // Sentences side by side are one quote; apart, `…` marks what lies between.
      const windows = /^\s*$/u.test(text.slice(a.end, b.start)) ? [{ start: a.start, end: b.end }] : [a, b];
      return renderExcerpt(text, norm, map, toNorm, windows, whole, terms);
    }
  } else {
    const clauses = pieces(text, sentences[best]!, CLAUSE).filter((s) => s.end > s.start);
    const clauseScores = sentenceScores(query, clauses.map(normOf), title, context.model);
    const bestClause = argmax(clauseScores);
    window = fits(clauses[bestClause]!) ? grow(clauses, clauseScores, bestClause, fits) : hardCut(clauses[bestClause]!, budget - 2);
  }
  return renderExcerpt(text, norm, map, toNorm, [window], whole, terms);
}

/**
 * The sentence apart from the likeliest (not its neighbour, which a quote grows to anyway) that
 * the model still finds likely to answer, at least `secondMass`, and that fits the budget beside
 * it; -1 when there is none. It is quoted too, after a `…`: the likeliest sentence is wrong about
 * one time in eight, and the answer is then most often in the second likeliest.
 */
function secondChoice(sentences: Span[], p: number[], best: number, secondMass: number, fitTogether: (a: Span, b: Span) => boolean): number {
  let second = -1;
  p.forEach((x, i) => {
    if (Math.abs(i - best) >= 2 && x >= secondMass && (second < 0 || x > p[second]!) && fitTogether(sentences[best]!, sentences[i]!)) second = i;
  });
  return second;
}

/**
 * Uses the budget left after whole sentences: the next sentence's first
 * clauses, then the previous sentence's last ones (answers often follow the
 * sentence that matches the question).
 */
function fill(text: string, sentences: Span[], window: Span, fits: (s: Span) => boolean): Span {
  let { start, end } = window;
  const next = sentences.find((s) => s.start >= end);
  if (next) {
    for (const c of pieces(text, next, CLAUSE)) {
      if (!fits({ start, end: c.end })) break;
      end = c.end;
    }
  }
  const prev = [...sentences].reverse().find((s) => s.end <= start);
  if (prev) {
    for (const c of pieces(text, prev, CLAUSE).reverse()) {
      if (!fits({ start: c.start, end })) break;
      start = c.start;
    }
  }
  return { start, end };
}

function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Last resort for one clause longer than the budget: its beginning, never splitting a surrogate pair. */
function hardCut(s: Span, length: number): Span {
  return { start: s.start, end: Math.min(s.end, s.start + length) };
}
