/** Limits every layer agrees on. Kept here, below everything, so no layer imports a higher one to learn them. */

/** Maximum question length, in characters, after trimming. */
export const MAX_QUESTION_LENGTH = 500;

