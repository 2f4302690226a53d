import type { Answer, AskOptions } from './types.js';

/** How many distinct questions are remembered per knowledge snapshot. */
export const ANSWER_CACHE_SIZE = 2000;

/**
 * Remembers recent answers. Communities ask the same questions every day, and
 * an answer depends only on the question, the options and the knowledge, so a
 * cache per built snapshot is always fresh: a reload builds a new snapshot with
 * an empty cache. Least recently used entries are dropped first. Cached answers
 * are shared: callers must not modify them (none does; channels only format).
 */
export function withAnswerCache(answer: (q: string, o?: AskOptions) => Answer, size = ANSWER_CACHE_SIZE) {
  const cache = new Map<string, Answer>();
  return (question: string, options: AskOptions = {}): Answer => {
    const key = `${typeof question === 'string' ? question.trim() : ''}\u0000${options.limit ?? ''}\u0000${options.offset ?? ''}\u0000${options.related ? 1 : ''}`;
    const hit = cache.get(key);
    if (hit) {
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const fresh = answer(question, options);
    cache.set(key, fresh);
    if (cache.size > size) cache.delete(cache.keys().next().value!);
    return fresh;
  };
}
