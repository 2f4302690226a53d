import { clampLimit } from '../answer/answer.js';
import type { AnswerDraft, AnswerResult, AskOptions } from '../answer/types.js';
import { CLOSE_SCORE, CONFIDENT_SCORE, createFaqMatcher } from './match.js';
import type { FaqEntry } from '../knowledge/types.js';
import type { Synonyms } from '../search/synonyms.js';

/** How many "did you mean" choices a declined answer offers. */
export const MAX_DID_YOU_MEAN = 3;

export interface FaqComposer {
  /** Adds the FAQ answer (when confident) or "did you mean" choices (when declined) to the article answer. */
  compose(base: AnswerDraft, options?: AskOptions): AnswerDraft;
  readonly size: number;
}

/** The article passage a FAQ answer was copied from, quoted for a question (with a score to show), or null. */
export type FaqSource = (entry: FaqEntry, question: string, score: number) => AnswerResult | null;

/**
 * Puts curated answers around the article answer path, which stays as it is:
 * - a confident FAQ match answers first (`faq`), the article excerpts follow, led by
 *   the passage the FAQ answer was copied from when there is one (`source`), so the
 *   quote under a curated answer is where it came from, not a paragraph that only
 *   shares the question's words;
 * - a weaker match never replaces anything: it is only offered as "did you mean"
 *   when the articles do not answer either;
 * - when no FAQ entry is close, nothing is offered: an article title sharing one word
 *   (郴州 in a weather question) is not what the asker meant, and the declined reply
 *   lists what the knowledge covers anyway.
 */
export function createFaqComposer(entries: FaqEntry[], synonyms?: Synonyms, source?: FaqSource): FaqComposer {
  const faq = createFaqMatcher(entries, synonyms);
  /** The article results with the FAQ answer's own passage first, or (on a later page) left out, as the first page showed it. */
  const citing = (base: AnswerDraft, entry: FaqEntry, options: AskOptions): AnswerResult[] => {
    const cited = source?.(entry, base.question, base.results[0]?.score ?? 0);
    if (!cited) return base.results;
    const rest = base.results.filter((r) => r.passageId !== cited.passageId);
    if ((options.offset ?? 0) > 0) return rest;
    return [cited, ...rest].slice(0, clampLimit(options));
  };
  return {
    size: faq.size,
    compose(base, options = {}) {
      const matches = faq.match(base.question);
      const top = matches[0];
      const confident = top && top.score >= CONFIDENT_SCORE ? top : undefined;
      // Later pages (更多) are more excerpts of an answer already shown.
      if ((options.offset ?? 0) > 0) return confident ? { ...base, results: citing(base, confident.entry, options) } : base;
      if (confident) {
        const { question, answer, source: from, url } = confident.entry;
        const faqAnswer = { question, answer, source: from, url, score: confident.score };
        return { ...base, answered: true, results: citing(base, confident.entry, options), suggestions: base.answered ? base.suggestions : [], faq: faqAnswer };
      }
      if (base.answered) return base;
      const didYouMean = matches.filter((m) => m.score >= CLOSE_SCORE).map((m) => m.entry.question);
      return didYouMean.length > 0 ? { ...base, didYouMean: didYouMean.slice(0, MAX_DID_YOU_MEAN) } : base;
    },
  };
}
