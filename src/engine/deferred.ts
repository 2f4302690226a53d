import { EngineNotReadyError } from '../shared/errors.js';
import type { Engine } from './types.js';

/**
 * An engine that forwards to whatever `get()` returns: lets main hand the bot and the
 * web app their engine before the index has finished loading. Until then every call
 * throws `EngineNotReadyError`.
 */
export function deferredEngine(get: () => Engine | null): Engine {
  const ready = (): Engine => {
    const engine = get();
    if (!engine) throw new EngineNotReadyError();
    return engine;
  };
  return {
    answer: (q, o) => ready().answer(q, o),
    articles: () => ready().articles(),
    passage: (id) => ready().passage(id),
    stats: () => ready().stats(),
    exampleQuestions: (n) => ready().exampleQuestions(n),
    knowledgeErrors: () => ready().knowledgeErrors(),
    knowledgeFiles: () => ready().knowledgeFiles(),
    reload: async () => ready().reload(),
    converse: (question, turns, options, at) => ready().converse?.(question, turns, options, at) ?? null,
  };
}
