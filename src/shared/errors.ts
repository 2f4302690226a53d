/**
 * Error types shared by every layer, so that a lower layer (knowledge, faq parsing)
 * never imports a higher one (answer) for its error, and every channel maps the same few.
 */

/** A knowledge file that cannot be used as it is. Names the file, and the line where it applies. */
export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`);
  }
}

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

/**
 * The engine was asked before its first knowledge load finished (main listens before
 * the index is built). Channels answer "still loading" (the web API: 503 with Retry-After).
 */
export class EngineNotReadyError extends Error {
  override name = 'EngineNotReadyError';
  constructor() {
    super('the knowledge index is still loading');
  }
}
