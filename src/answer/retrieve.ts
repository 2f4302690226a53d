import type { SearchIndex } from '../search/search-index.js';
import type { AnalyzedQuestion } from './analyze.js';

/** How many search hits are re-ranked by coverage. */
export const RERANK_DEPTH = 30;
/** Weight of term coverage against the (normalized) BM25 score in the final rank. */
export const COVERAGE_WEIGHT = 0.5;

export interface Ranked {
  doc: number;
  score: number;
  bm25: number;
  /** Share of the question's informative words found in the passage, weighted by local IDF, 0..1: ranks. */
  coverage: number;
  /** The same share weighted by general informativeness, 0..1: decides whether this passage answers. */
  support: number;
}

/** Credit for a word found only in part (出生地 where the passage says 出生于): the share of its bigrams present. */
const PARTIAL_CREDIT = 0.7;

/** How much of a word a text contains: 1 when whole (or a synonym), else partial credit for long CJK words. */
export function presence(term: string, text: string, synonymsOf: (t: string) => string[]): number {
  if (synonymsOf(term).some((s) => text.includes(s))) return 1;
  if (term.length < 3 || !/^[\u3400-\u9fff]+$/u.test(term)) return 0;
  let found = 0;
  for (let i = 0; i + 1 < term.length; i++) if (text.includes(term.slice(i, i + 2))) found++;
  return (PARTIAL_CREDIT * found) / (term.length - 1);
}

/** Shares of the question's informative words that occur in a normalized passage (local and general weights). */
export function coverage(q: AnalyzedQuestion, norm: string, synonymsOf: (t: string) => string[]) {
  let local = 0;
  let localTotal = 0;
  let general = 0;
  let generalTotal = 0;
  for (const { term, weight, localWeight } of q.terms) {
    localTotal += localWeight;
    generalTotal += weight;
    const p = presence(term, norm, synonymsOf);
    local += p * localWeight;
    general += p * weight;
  }
  return { coverage: localTotal > 0 ? local / localTotal : 0, support: generalTotal > 0 ? general / generalTotal : 0 };
}

/**
 * Finds candidate passages with BM25 over words and bigrams, then re-ranks
 * the top ones: passages that cover more of the question's informative words
 * (weighted by IDF) go first, not those that repeat one word most.
 */
export function retrieve(q: AnalyzedQuestion, index: SearchIndex, synonymsOf: (t: string) => string[]): Ranked[] {
  if (q.terms.length === 0) return [];
  const hits = index.search({ words: q.words, bigrams: q.bigrams }, RERANK_DEPTH);
  const top = hits[0]?.score ?? 0;
  if (top <= 0) return [];
  return hits
    .map((h) => {
      const bm25 = h.score / top;
      // The title counts: a passage about 大沙地站 answers a question about 大沙地站 without repeating the name.
      const c = coverage(q, `${index.titles[h.doc]!}\n${index.norms[h.doc]!}`, synonymsOf);
      return { doc: h.doc, bm25, ...c, score: (1 - COVERAGE_WEIGHT) * bm25 + COVERAGE_WEIGHT * c.coverage };
    })
    .sort((a, b) => b.score - a.score);
}
