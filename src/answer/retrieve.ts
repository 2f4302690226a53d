import type { SearchIndex } from '../search/search-index.js';
import { isCjkWord } from '../text/cjk.js';
import { NUMBER_START } from '../text/numerals.js';
import { sentences } from '../text/sentences.js';
import type { AnalyzedQuestion } from './analyze.js';
import { hasAnswerShape } from './question-type.js';
import { holdsNewSpan, isPatternType } from './typed-spans.js';

/**
 * Re-ranking: how many search hits are re-ranked, and the weight of term
 * coverage against the (normalized) BM25 score. Measured on the eval sets
 * (DESIGN.md, "Ranking"); an object so a tuning script can vary it.
 */
export const RERANK = { depth: 20, coverageWeight: 0.5, sentenceWeight: 0.5, commonWordShare: 0.1, postingBudget: 1500, shapeBonus: 0.15, phraseWeight: 0.6, siblingWeight: 0.5, exactWeight: 0.6 };

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
  if (term.length < 3 || !isCjkWord(term)) return 0;
  let found = 0;
  for (let i = 0; i + 1 < term.length; i++) if (text.includes(term.slice(i, i + 2))) found++;
  return (PARTIAL_CREDIT * found) / (term.length - 1);
}

/**
 * True when a sentence holds what the question asks for: a span of its answer type that
 * is not the question's own (到广州1小时左右 for 郴州离广州多远, not the 2017年 it names), or
 * for other types the coarse shape (a number, a date, a place word).
 */
export function holdsAnswer(q: AnalyzedQuestion, sentence: string): boolean {
  if (!isPatternType(q.answerType)) return hasAnswerShape(q.type, sentence);
  return holdsNewSpan(q.answerType, q.normalized, sentence);
}

/**
 * Proximity at sentence level, for the best sentence of the passage:
 * `words`, the largest local-IDF-weighted share of the question's words one
 * sentence holds (a sentence shaped like the answer asked for scores extra);
 * `phrase`, the largest IDF-weighted share of the question's bigrams (word
 * order). The sentence that answers usually restates most of the question;
 * scattered mentions do not.
 */
export function sentenceCoverage(q: AnalyzedQuestion, norm: string, synonymsOf: (t: string) => string[], title = ''): { words: number; phrase: number } {
  let wordTotal = 0;
  for (const t of q.terms) wordTotal += t.localWeight;
  let phraseTotal = 0;
  for (const t of q.phrase) phraseTotal += t.weight;
  let words = 0;
  let phrase = 0;
  // A word of the article's title is in every sentence: the paragraph that repeats the name is no more about it than the others.
  const inTitle = q.terms.map(({ term }) => (title ? presence(term, title, synonymsOf) : 0));
  for (const sentence of sentences(norm)) {
    if (sentence.length < 2) continue;
    let found = 0;
    q.terms.forEach(({ term, localWeight }, i) => (found += Math.max(presence(term, sentence, synonymsOf), inTitle[i]!) * localWeight));
    // A sentence about the question that also holds what is asked for (a number, a date, 成功…) answers it.
    if (found > 0 && holdsAnswer(q, sentence)) found += RERANK.shapeBonus * wordTotal;
    if (found > words) words = found;
    let inOrder = 0;
    for (const { term, weight } of q.phrase) if (sentence.includes(term)) inOrder += weight;
    if (inOrder > phrase) phrase = inOrder;
  }
  return { words: wordTotal > 0 ? words / wordTotal : 0, phrase: phraseTotal > 0 ? phrase / phraseTotal : 0 };
}

/** Shares of the question's informative words that occur in a normalized passage (local and general weights). */
export function coverage(q: AnalyzedQuestion, norm: string, synonymsOf: (t: string) => string[]) {
  let local = 0;
  let localTotal = 0;
  let general = 0;
  let generalTotal = 0;
  for (const { term, weight, localWeight } of q.wholeTerms) {
    localTotal += localWeight;
    generalTotal += weight;
    const p = presence(term, norm, synonymsOf);
    local += p * localWeight;
    general += p * weight;
  }
  return { coverage: localTotal > 0 ? local / localTotal : 0, support: generalTotal > 0 ? general / generalTotal : 0 };
}

/**
 * The share (local IDF) of the question's words outside the passage's title that its text
 * holds: what the question asks about the thing the article is about (开门 of 茶器博物馆).
 * The paragraph that repeats the title's name is no closer to answering than its siblings.
 */
export function predicateCoverage(q: AnalyzedQuestion, norm: string, title: string, synonymsOf: (t: string) => string[]): number {
  let found = 0;
  let total = 0;
  for (const { term, localWeight } of q.terms) {
    if (presence(term, title, synonymsOf) > 0) continue;
    total += localWeight;
    found += presence(term, norm, synonymsOf) * localWeight;
  }
  return total > 0 ? found / total : 0;
}

/**
 * The question words worth a posting-list scan. Common words (in more than
 * `commonWordShare` of passages) cost the most query time and rank little;
 * past that, the rarest words are taken until `postingBudget` postings, so
 * query time stays bounded as the knowledge grows. Words left out still count
 * in coverage. The rarest word is always searched.
 */
function searchWords(q: AnalyzedQuestion, index: SearchIndex): string[] {
  const byDf = q.words.map((w) => ({ w, df: index.wordDf(w) })).sort((a, b) => a.df - b.df);
  const out: string[] = [];
  let postings = 0;
  for (const { w, df } of byDf) {
    if (out.length > 0 && (df > RERANK.commonWordShare * index.size || postings + df > RERANK.postingBudget)) break;
    out.push(w);
    postings += df;
  }
  return out;
}

/** A test that a text holds what the question names as written; a number as a number (19 is not in 1998 or 19.5). */
export function holdsExactly(named: string): (text: string) => boolean {
  if (!/^\d+(?:\.\d+)?$/u.test(named)) return (text) => text.includes(named);
  const pattern = new RegExp(`${NUMBER_START}${named.replace('.', '\\.')}(?![\\d.]?\\d)`, 'u');
  return (text) => pattern.test(text);
}

/**
 * Finds candidate passages with BM25 over words and bigrams, then re-ranks
 * the top ones: passages that cover more of the question's informative words
 * (weighted by IDF) go first, not those that repeat one word most, and those that hold
 * what the question names exactly (「第二次进口替代」, 1997, mp5) as written: on
 * cmrc2018-train the gold passage holds 98.5% of quoted names, 99.0% of numbers, 99.8% of Latin words.
 */
export function retrieve(q: AnalyzedQuestion, index: SearchIndex, synonymsOf: (t: string) => string[]): Ranked[] {
  if (q.terms.length === 0) return [];
  const hits = index.search({ words: searchWords(q, index), bigrams: q.bigrams }, RERANK.depth);
  const top = hits[0]?.score ?? 0;
  if (top <= 0) return [];
  const named = q.exact.map(holdsExactly);
  const scored = hits.map((h) => {
    const bm25 = h.score / top;
    // The title counts: a passage about 大沙地站 answers a question about 大沙地站 without repeating the name.
    const text = `${index.titles[h.doc]!}\n${index.norms[h.doc]!}`;
    const c = coverage(q, text, synonymsOf);
    const near = sentenceCoverage(q, index.norms[h.doc]!, synonymsOf, index.titles[h.doc]!);
    const exact = named.length > 0 ? named.filter((holds) => holds(text)).length / named.length : 0;
    const score =
      (1 - RERANK.coverageWeight) * bm25 +
      RERANK.coverageWeight * c.coverage +
      RERANK.sentenceWeight * near.words +
      RERANK.phraseWeight * near.phrase +
      RERANK.exactWeight * exact;
    return { doc: h.doc, bm25, ...c, score, predicate: predicateCoverage(q, index.norms[h.doc]!, index.titles[h.doc]!, synonymsOf) };
  });
  // Paragraphs of one article share its title's words: among them, the one holding less of what
  // the question asks about that subject (开门 of 茶器博物馆) steps back, though it repeats the name.
  const article = (doc: number) => index.passages[doc]!.articleId;
  const best = new Map<string, number>();
  for (const r of scored) best.set(article(r.doc), Math.max(best.get(article(r.doc)) ?? 0, r.predicate));
  return scored
    .map(({ predicate, ...r }) => ({ ...r, score: r.score - RERANK.siblingWeight * (best.get(article(r.doc))! - predicate) }))
    .sort((a, b) => b.score - a.score);
}
