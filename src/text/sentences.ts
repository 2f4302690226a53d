/**
 * Sentences and clauses of Chinese (and mixed) text: the one definition every
 * part uses (passage splitting, re-ranking, excerpts, example questions, bot
 * message splitting, the news-page parser).
 */

/** Marks that end a sentence: full stops, question and exclamation marks, semicolons. */
const ENDS = '。！？!?；;';
/** Closing quotes and brackets, which belong to the sentence they close. */
const CLOSERS = '”’」』"）)】';
/** Marks between clauses of one sentence. */
const CLAUSE_MARKS = ',，、：:';

/** Consecutive sentences: text up to and including its end marks (a line break ends one too) and closers. */
export const SENTENCE = new RegExp(`[^${ENDS}\\n]*(?:[${ENDS}\\n]+[${CLOSERS}]*|$)`, 'gu');
/** Consecutive clauses: text up to and including its clause marks. */
export const CLAUSE = new RegExp(`[^${CLAUSE_MARKS}]*(?:[${CLAUSE_MARKS}]+|$)`, 'gu');

const nonEmpty = (pattern: RegExp, text: string): string[] => [...text.matchAll(pattern)].map((m) => m[0]).filter((s) => s.length > 0);

/** The sentences of `text`, each with its end marks and closers; joined, they give `text` back. */
export function sentences(text: string): string[] {
  return nonEmpty(SENTENCE, text);
}

/** The clauses of `text` (split at commas, 、 and colons), each with its marks. */
export function clauses(text: string): string[] {
  return nonEmpty(CLAUSE, text);
}

const ENDS_SENTENCE = new RegExp(`[${ENDS}…${CLOSERS}]$`, 'u');

/** True when `text` ends as a sentence does (an ellipsis counts): a line that ends otherwise continues. */
export function endsSentence(text: string): boolean {
  return ENDS_SENTENCE.test(text);
}
