import type { AnswerDraft, AskOptions } from '../answer/types.js';
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

/**
 * Puts curated answers around the article answer path, which stays as it is:
 * - a confident FAQ match answers first (`faq`), the article excerpts follow;
 * - a weaker match never replaces anything: it is only offered as "did you mean"
 *   when the articles do not answer either;
 * - when no FAQ entry is close, nothing is offered: an article title sharing one word
 *   (郴州 in a weather question) is not what the asker meant, and the declined reply
 *   lists what the knowledge covers anyway.
 */
export function createFaqComposer(entries: FaqEntry[], synonyms?: Synonyms): FaqComposer {
  const faq = createFaqMatcher(entries, synonyms);
  return {
    size: faq.size,
    compose(base, options = {}) {
      // Later pages (更多) are more excerpts of an answer already shown.
      if ((options.offset ?? 0) > 0) return base;
      const matches = faq.match(base.question);
      const top = matches[0];
      if (top && top.score >= CONFIDENT_SCORE) {
        const { question, answer, source, url } = top.entry;
        return { ...base, answered: true, suggestions: base.answered ? base.suggestions : [], faq: { question, answer, source, url, score: top.score } };
      }
      if (base.answered) return base;
      const didYouMean = matches.filter((m) => m.score >= CLOSE_SCORE).map((m) => m.entry.question);
      return didYouMean.length > 0 ? { ...base, didYouMean: didYouMean.slice(0, MAX_DID_YOU_MEAN) } : base;
    },
  };
}
