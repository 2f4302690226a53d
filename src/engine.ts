import type { AnswerEngine, KnowledgeStats } from './answer/types.js';
import { createAnswerer } from './answer/answer.js';
import { exampleQuestions } from './answer/examples.js';
import { loadKnowledge, type Knowledge } from './knowledge/load.js';
import type { Article, Passage } from './knowledge/types.js';
import type { KnowledgeError } from './knowledge/errors.js';
import { createSearchIndex, type SearchIndex } from './search/search-index.js';
import { createSynonyms } from './search/synonyms.js';
import { addWords, loadDictionary } from './text/segment.js';

export interface Engine extends AnswerEngine {
  /** Problems found in the knowledge folder at the last (re)load; the rest loaded. */
  knowledgeErrors(): KnowledgeError[];
}

interface Built {
  articles: Article[];
  index: SearchIndex;
  answer: AnswerEngine['answer'];
  rank: (question: string, k?: number) => string[];
  builtAt: Date;
  errors: KnowledgeError[];
  examples: string[];
}

/** Builds an engine over passages that are already loaded (the eval sets use this). */
export function buildFromPassages(passages: Passage[], articles: Article[], synonymGroups: string[][] = []): Built {
  loadDictionary();
  const synonyms = createSynonyms(synonymGroups);
  const index = createSearchIndex(passages, synonyms);
  const titles = articles.map((a) => `《${a.title}》`);
  const { answer, rank } = createAnswerer({ index, synonyms, suggestions: () => titles.slice(0, 5) });
  return { articles, index, answer, rank, builtAt: new Date(), errors: [], examples: [] };
}

function build(knowledge: Knowledge): Built {
  addWords(knowledge.userWords);
  const built = buildFromPassages(knowledge.passages, knowledge.articles, knowledge.synonyms);
  built.errors = knowledge.errors;
  built.examples = exampleQuestions(knowledge.passages, (q) => built.answer(q, { limit: 1 }));
  return built;
}

export function engineOf(get: () => Built): Engine {
  return {
    answer: (question, options) => get().answer(question, options),
    articles: () => get().articles,
    stats: (): KnowledgeStats => ({
      articles: get().articles.length,
      passages: get().index.size,
      indexBuiltAt: get().builtAt.toISOString(),
    }),
    exampleQuestions: (count = 3) => get().examples.slice(0, count),
    knowledgeErrors: () => get().errors,
  };
}

/**
 * Loads a knowledge folder and builds the index: the one engine every channel
 * asks. Throws KnowledgeError when the folder has no usable article; broken
 * files are listed by `knowledgeErrors()`.
 */
export async function createEngine(options: { knowledgeDir: string }): Promise<Engine> {
  const built = build(await loadKnowledge(options.knowledgeDir));
  return engineOf(() => built);
}

/**
 * An engine that forwards to whatever `get()` returns: lets main hand the bot
 * and the web app their engine before the index has finished loading.
 */
export function deferredEngine(get: () => Engine | null): Engine {
  const current = () => {
    const e = get();
    if (!e) throw new Error('the knowledge index is still loading');
    return e;
  };
  return {
    answer: (q, o) => current().answer(q, o),
    articles: () => current().articles(),
    stats: () => current().stats(),
    exampleQuestions: (n) => current().exampleQuestions(n),
    knowledgeErrors: () => current().knowledgeErrors(),
  };
}
