/** Maximum question length, in characters, after trimming. */
export const MAX_QUESTION_LENGTH = 500;

/** A question that cannot be asked as it is: empty, or too long. The message is safe to show to a user (Chinese). */
export class QuestionError extends Error {
  override name = 'QuestionError';
  constructor(
    readonly code: 'empty' | 'too_long',
    message: string,
  ) {
    super(message);
  }
}
