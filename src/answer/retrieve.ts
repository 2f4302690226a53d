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

/** Shares of the question's informative words that occur in a normalized passage (local and general weights). */
export function coverage(q: AnalyzedQuestion, norm: string, synonymsOf: (t: string) => string[]) {
  let local = 0;
  let localTotal = 0;
  let general = 0;
  let generalTotal = 0;
  for (const { term, weight, localWeight } of q.terms) {
    localTotal += localWeight;
    generalTotal += weight;
    if (synonymsOf(term).some((s) => norm.includes(s))) {
      local += localWeight;
      general += weight;
    }
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
      const c = coverage(q, index.norms[h.doc]!, synonymsOf);
      return { doc: h.doc, bm25, ...c, score: (1 - COVERAGE_WEIGHT) * bm25 + COVERAGE_WEIGHT * c.coverage };
    })
    .sort((a, b) => b.score - a.score);
}
