import type { Script } from '../text/script.js';

/** One cited excerpt. */
export interface AnswerResult {
  /**
   * A quote of at most 120 characters from the passage, with `…` where text was left out,
   * in the asker's script (a Traditional question is shown Traditional: see `Answer.script`).
   */
  excerpt: string;
  /** The same quote verbatim, when `excerpt` was converted to the asker's script. */
  original?: string;
  /** Ranges [start, end) in `excerpt` (UTF-16 offsets) that match the question's terms; sorted, non-overlapping. */
  highlights: Array<[number, number]>;
  /**
   * The range [start, end) in `excerpt` (UTF-16 offsets) that most likely answers: the number
   * with its unit, the date, the place or the name the question asks for; null when the question
   * asks for none of these or the excerpt holds none but the question's own words.
   */
  answer?: [number, number] | null;
  passageId: string;
  article: string;
  section: string | null;
  /** 1-based; 0 for the article's title and byline (questions about the article itself). */
  paragraph: number;
  /** The page of a PDF article the paragraph starts on. */
  page?: number;
  source: string | null;
  url: string | null;
  score: number;
}

/** What every channel gets back from `answer(question)`. */
export interface Answer {
  question: string;
  answered: boolean;
  results: AnswerResult[];
  /** When declined: what the knowledge base covers (article titles), for "did you mean" style replies. */
  suggestions: string[];
  /**
   * A curated answer (knowledge/faq.md) whose question matched confidently: channels
   * show it first, labelled 常见问题, then `results`. Only on the first page.
   */
  faq?: FaqAnswer;
  /** When declined: up to 3 close FAQ questions (or article titles) to ask instead; each is a question to send as it is. */
  didYouMean?: string[];
  /**
   * True when there is nothing to quote: declined, or a later page (offset) past the last
   * result with no FAQ answer. Decided once by the engine; every channel shows its
   * "not found" reply on it and never re-derives it.
   */
  nothingToShow: boolean;
  /** The script the answer is shown in (BCP 47): the asker's, or the article's when the question does not show one. */
  script?: Script;
  /** A follow-up completed from the conversation (那综保区呢 → 郴州有几个国家级综保区): what was answered. */
  understoodAs?: string;
  /** A sentence for the asker that replaces the generic "not found" (此文章没有记录发表日期). */
  note?: string;
}

/** An answer before the engine decides whether it has anything to show (the article path, the FAQ composer). */
export type AnswerDraft = Omit<Answer, 'nothingToShow'>;

/** The engine's one decision of whether an answer has anything to show. */
export function settle(draft: AnswerDraft): Answer {
  return { ...draft, nothingToShow: !draft.answered || (draft.results.length === 0 && !draft.faq) };
}

/** A curated answer written by a community manager, not a quote from an article. */
export interface FaqAnswer {
  /** The FAQ entry's main question (the one the manager wrote after `##`). */
  question: string;
  answer: string;
  source: string | null;
  url: string | null;
  /** How closely the question matched, 0–1 (1: the same question). */
  score: number;
}

export interface AskOptions {
  /** How many results (default 3, at most 10). */
  limit?: number;
  /** Skip this many results first (for a "more" button). */
  offset?: number;
  /**
   * Also passages that hold less of the question than the first (still above the decline
   * threshold): asked for by 还有呢, where the asker wants more, not only the closest.
   */
  related?: boolean;
}
