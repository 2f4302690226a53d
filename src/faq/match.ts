import { UBIQUITY } from '../answer/analyze.js';
import type { Synonyms } from '../search/synonyms.js';
import { normalize } from '../text/normalize.js';
import { words } from '../text/segment.js';
import { isStopWord } from '../text/stopwords.js';
import { generalWeight } from '../text/word-weights.js';
import { questionKey } from '../knowledge/question-key.js';
import type { FaqEntry } from '../knowledge/types.js';

/**
 * At or above this score a FAQ entry answers the question (shown first, as
 * 常见问题). Calibrated in tests/faq/match.test.ts: paraphrases of the shipped
 * entries score at or above it, unrelated questions that share a place name
 * (郴州) score below it. A two-word question sharing one word with a one-word
 * FAQ question scores about 0.6 (DESIGN.md, "Curated FAQ").
 */
export const CONFIDENT_SCORE = 0.7;
/** At or above this score an entry is close enough to offer as "did you mean". */
export const CLOSE_SCORE = 0.3;

const MIN_ENTRIES_FOR_UBIQUITY = 4;

export interface FaqMatch {
  entry: FaqEntry;
  score: number;
}

export interface FaqMatcher {
  /** Entries sharing informative words with the question, best first (one score per entry: its best phrasing). */
  match(question: string): FaqMatch[];
  readonly size: number;
}

type Terms = Map<string, number>;

/**
 * Matches a question against each entry's question and alternates: an
 * F1 of IDF-weighted word overlap (share of the user's words the FAQ question
 * has, and share of the FAQ question's words the user asked), after the same
 * normalization and segmentation as the article index, so Traditional,
 * Cantonese and synonym variants meet. An identical question (ignoring
 * punctuation, spaces and script) scores 1.
 */
export function createFaqMatcher(entries: FaqEntry[], synonyms?: Synonyms): FaqMatcher {
  // Precise-mode words, not search mode: search mode adds the parts of a
  // compound (大湾区 → 大湾, 湾区), which would triple its weight here.
  const termsOf = (text: string): Set<string> =>
    new Set(
      words(normalize(text))
        .map((w) => w.trim())
        .filter((w) => w !== '' && !isStopWord(w))
        .map((w) => synonyms?.canonical(w) ?? w),
    );
  const phrasings = entries.map((entry) =>
    [entry.question, ...entry.alternates].map((q) => ({ key: questionKey(q), terms: termsOf(q) })),
  );
  // Words in most entries (郴州 in every question about 郴州) tell entries apart less:
  // scale the general weight by their IDF over the FAQ itself.
  const df = new Map<string, number>();
  for (const p of phrasings) for (const t of new Set(p.flatMap((x) => [...x.terms]))) df.set(t, (df.get(t) ?? 0) + 1);
  const n = entries.length;
  const localIdf = (t: string) => {
    const d = df.get(t) ?? 0;
    // In most entries of a FAQ big enough to tell: says nothing about which entry (as the article index drops such words).
    if (n >= MIN_ENTRIES_FOR_UBIQUITY && d / n > UBIQUITY) return 0;
    return Math.log(1 + (n + 1) / (d + 0.5)) / Math.log(1 + (n + 1) / 0.5);
  };
  const weigh = (terms: Set<string>): Terms => new Map([...terms].map((t) => [t, generalWeight(t) * localIdf(t)]));
  const weighted = phrasings.map((p) => p.map((x) => ({ key: x.key, terms: weigh(x.terms) })));

  function score(asked: Terms, faq: Terms): number {
    let common = 0;
    let askedTotal = 0;
    let faqTotal = 0;
    for (const [t, w] of asked) {
      askedTotal += w;
      if (faq.has(t)) common += w;
    }
    for (const w of faq.values()) faqTotal += w;
    if (common === 0 || askedTotal === 0 || faqTotal === 0) return 0;
    const recall = common / askedTotal;
    const precision = common / faqTotal;
    return (2 * recall * precision) / (recall + precision);
  }

  return {
    size: entries.length,
    match(question) {
      if (entries.length === 0) return [];
      const key = questionKey(question);
      const asked = weigh(termsOf(question));
      const out: FaqMatch[] = [];
      weighted.forEach((forms, i) => {
        let best = 0;
        for (const form of forms) best = Math.max(best, key !== '' && form.key === key ? 1 : score(asked, form.terms));
        if (best > 0) out.push({ entry: entries[i]!, score: Math.round(best * 1000) / 1000 });
      });
      return out.sort((a, b) => b.score - a.score);
    },
  };
}
