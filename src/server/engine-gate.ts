import type { AnswerEngine } from '../answer/types.js';
import { ApiError } from './errors.js';

/** The engine, or a 503 while the index is still loading (the server listens before that finishes). */
export function requireEngine(getEngine: () => AnswerEngine | null): AnswerEngine {
  const engine = getEngine();
  if (!engine) throw new ApiError(503, 'not_ready', '知识库还在加载，请稍后再试', undefined, 5);
  return engine;
}
