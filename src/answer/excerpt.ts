import { normalizeMapped } from '../text/normalize.js';
import { CLAUSE, SENTENCE } from '../text/sentences.js';
import { hasAnswerShape, type QuestionType } from './question-type.js';

/** Longest excerpt shown, in UTF-16 units (≥ characters), ellipses included. */
export const EXCERPT_BUDGET = 120;
const ELLIPSIS = '…';
/**
 * A sentence shaped like the answer asked for (a number for 多少) scores extra, as a share of
 * the heaviest question term: enough to prefer it over a sentence that only restates the
 * question, not enough to prefer it over one that holds a term more. (The re-rank has its own,
 * RERANK.shapeBonus, for choosing passages.)
 */
const SHAPE_BONUS = 0.5;

/** A normalized question term and how much it says (its IDF). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

export interface Excerpt {
  excerpt: string;
  highlights: Array<[number, number]>;
}

interface Span {
  start: number;
  end: number;
}


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
 * neighbour first (the next one on a tie), while the text still fits `budget`.
 */
function grow(units: Span[], scores: number[], best: number, fits: (s: Span) => boolean): Span {
  let lo = best;
  let hi = best;
  for (;;) {
    const canPrev = lo > 0 && fits({ start: units[lo - 1]!.start, end: units[hi]!.end });
    const canNext = hi < units.length - 1 && fits({ start: units[lo]!.start, end: units[hi + 1]!.end });
    if (!canPrev && !canNext) break;
    if (canNext && (!canPrev || scores[hi + 1]! >= scores[lo - 1]!)) hi++;
    else lo--;
  }
  return { start: units[lo]!.start, end: units[hi]!.end };
}

const argmax = (xs: number[]) => xs.reduce((best, x, i) => (x > xs[best]! ? i : best), 0);

/**
 * Chooses the excerpt of a passage that best answers the question: the
 * sentence with the most question weight (a sentence shaped like the answer
 * asked for scores extra), widened with neighbouring sentences within the
 * budget; a sentence too long is cut at clause boundaries around the match.
 * `…` marks text left out. Highlights are the question's terms in the excerpt.
 */
export function chooseExcerpt(
  text: string,
  terms: WeightedTerm[],
  type: QuestionType,
  budget = EXCERPT_BUDGET,
  context: { title?: string } = {},
): Excerpt {
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
  if (fits(whole)) return render(text, norm, map, toNorm, whole, whole, terms);

  const sentences = pieces(text, whole, SENTENCE).map((s) => trimSpan(text, s)).filter((s) => s.end > s.start);
  const sentenceNorms = sentences.map(normOf);
  const local = localWeights(terms, sentenceNorms, context.title ? normalizeMapped(context.title).text : '');
  const maxWeight = Math.max(0, ...local.map((t) => t.weight));
  const score = (n: string) => {
    let total = 0;
    for (const t of local) if (n.includes(t.term)) total += t.weight;
    // The answer's shape only counts where the sentence is already about the question.
    if (total > 0 && hasAnswerShape(type, n)) total += SHAPE_BONUS * maxWeight;
    return total;
  };
  const scores = sentenceNorms.map(score);
  const best = argmax(scores);
  let window: Span;
  if (fits(sentences[best]!)) {
    window = fill(text, sentences, grow(sentences, scores, best, fits), fits);
  } else {
    const clauses = pieces(text, sentences[best]!, CLAUSE).filter((s) => s.end > s.start);
    const clauseScores = clauses.map((c) => score(normOf(c)));
    const bestClause = argmax(clauseScores);
    window = fits(clauses[bestClause]!) ? grow(clauses, clauseScores, bestClause, fits) : hardCut(clauses[bestClause]!, budget - 2);
  }
  return render(text, norm, map, toNorm, window, whole, terms);
}

/** Weight of a title word inside its own passage: the whole passage is about it, so it tells sentences apart little. */
const TITLE_FACTOR = 0.25;

/**
 * Re-weights the question's terms for choosing among one passage's sentences:
 * a term found in many of its sentences (or in its title, the entity the
 * passage is about) says little about which sentence answers.
 */
function localWeights(terms: WeightedTerm[], sentenceNorms: string[], title: string): WeightedTerm[] {
  const n = sentenceNorms.length;
  return terms.map(({ term, weight }) => {
    const sf = sentenceNorms.reduce((k, s) => k + (s.includes(term) ? 1 : 0), 0);
    const spread = sf === 0 ? 1 : Math.log(1 + n / sf) / Math.log(1 + n);
    const inTitle = title !== '' && (title.includes(term) || (term.length > 1 && term.includes(title)));
    return { term, weight: weight * spread * (inTitle ? TITLE_FACTOR : 1) };
  });
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

function render(
  text: string,
  norm: string,
  map: number[],
  toNorm: number[],
  window: Span,
  whole: Span,
  terms: WeightedTerm[],
): Excerpt {
  let { start, end } = window;
  // Do not leave half a surrogate pair at either edge.
  if (/[\udc00-\udfff]/u.test(text[start] ?? '')) start++;
  if (/[\ud800-\udbff]/u.test(text[end - 1] ?? '')) end--;
  const prefix = start > whole.start ? ELLIPSIS : '';
  let body = text.slice(start, end);
  let suffix = '';
  if (end < whole.end) {
    // A cut after a clause ends in …, not in ",…".
    body = body.replace(/[,，、：:;；\s]+$/u, '');
    suffix = ELLIPSIS;
  }
  const bodyEnd = start + body.length;
  const ranges: Array<[number, number]> = [];
  const from = toNorm[start]!;
  const to = toNorm[bodyEnd]!;
  const segment = norm.slice(from, to);
  for (const { term } of terms) {
    if (term.length < 2 && !/\d/u.test(term)) continue;
    for (let i = segment.indexOf(term); i >= 0; i = segment.indexOf(term, i + 1)) {
      const a = map[from + i]! - start;
      const b = Math.min(map[from + i + term.length]!, bodyEnd) - start;
      if (b > a) ranges.push([a + prefix.length, b + prefix.length]);
    }
  }
  return { excerpt: prefix + body + suffix, highlights: mergeRanges(ranges) };
}

export function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
