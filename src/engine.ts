import type { AnswerEngine, AskOptions, KnowledgeStats } from './answer/types.js';
import { createAnswerer } from './answer/answer.js';
import { ANSWER_CACHE_SIZE, cachedAnswerer } from './answer/answer-cache.js';
import { exampleQuestions } from './answer/examples.js';
import { createFaqAnswerer } from './faq/compose.js';
import { loadKnowledge, type Knowledge } from './knowledge/load.js';
import type { Article, Passage } from './knowledge/types.js';
import { KnowledgeError } from './knowledge/errors.js';
import { cachedSearchIndex, type IndexCacheOptions } from './search/index-cache.js';
import { createSearchIndex, type SearchIndex } from './search/search-index.js';
import { createSynonyms, type Synonyms } from './search/synonyms.js';
import { addWords, loadDictionary } from './text/segment.js';

export interface ReloadResult {
  /** True when the new index replaced the old one. */
  ok: boolean;
  /** Problems in the knowledge folder; when there are any, the old index keeps serving. */
  errors: KnowledgeError[];
  stats: KnowledgeStats;
}

export interface Engine extends AnswerEngine {
  /** Problems found in the knowledge folder at the last (re)load; the rest loaded. */
  knowledgeErrors(): KnowledgeError[];
  /**
   * Re-reads the knowledge folder and builds a new index beside the old one,
   * then swaps it in one step: questions in flight finish on the old one.
   * Any error in the folder leaves the old index serving.
   */
  reload(): Promise<ReloadResult>;
}

interface Built {
  articles: Article[];
  index: SearchIndex;
  answer: AnswerEngine['answer'];
  rank: (question: string, k?: number) => string[];
  builtAt: Date;
  errors: KnowledgeError[];
  examples: string[];
  /** FAQ and articles together, built with the index (a reload swaps both at once), cached per snapshot. */
  composed?: AnswerEngine['answer'];
}

/** Builds an engine over passages that are already loaded (the eval sets use this). */
export function buildFromPassages(
  passages: Passage[],
  articles: Article[],
  synonymGroups: string[][] = [],
  makeIndex: (passages: Passage[], synonyms: Synonyms) => SearchIndex = createSearchIndex,
): Built {
  loadDictionary();
  const synonyms = createSynonyms(synonymGroups);
  const index = makeIndex(passages, synonyms);
  const titles = articles.map((a) => `《${a.title}》`);
  const { answer, rank } = createAnswerer({ index, synonyms, suggestions: () => titles.slice(0, 5) });
  return { articles, index, answer, rank, builtAt: new Date(), errors: [], examples: [] };
}

function build(knowledge: Knowledge, cache?: IndexCacheOptions, answerCacheSize = ANSWER_CACHE_SIZE): Built {
  addWords(knowledge.userWords);
  const makeIndex = cache && ((_: Passage[], synonyms: Synonyms) => cachedSearchIndex(knowledge, synonyms, cache));
  const built = buildFromPassages(knowledge.passages, knowledge.articles, knowledge.synonyms, makeIndex);
  built.errors = knowledge.errors;
  built.examples = exampleQuestions(knowledge.passages, (q) => built.answer(q, { limit: 1 }));
  const faq = createFaqAnswerer(knowledge.faq, knowledge.articles.map((a) => a.title), createSynonyms(knowledge.synonyms));
  // One snapshot for both, so a reload between them cannot mix old and new knowledge.
  const composed = (question: string, options?: AskOptions) => faq.compose(built.answer(question, options), options);
  built.composed = answerCacheSize > 0 ? cachedAnswerer(composed, answerCacheSize) : composed;
  return built;
}

function engineOf(get: () => Built, reload: () => Promise<ReloadResult>): Engine {
  return {
    reload,
    answer: (question, options) => {
      const built = get();
      return (built.composed ?? built.answer)(question, options);
    },
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
export async function createEngine(options: {
  knowledgeDir: string;
  /** Caches the built index on disk (see search/index-cache.ts); rebuilt every time when absent. */
  indexCache?: IndexCacheOptions;
  /** Recent answers remembered per snapshot (default 2000; 0 turns the cache off). */
  answerCacheSize?: number;
}): Promise<Engine> {
  let current = build(await loadKnowledge(options.knowledgeDir), options.indexCache, options.answerCacheSize);
  let pending: Promise<ReloadResult> | null = null;
  const engine = engineOf(
    () => current,
    () => {
      // Concurrent reload requests share one rebuild.
      pending ??= (async (): Promise<ReloadResult> => {
        try {
          const knowledge = await loadKnowledge(options.knowledgeDir);
          if (knowledge.errors.length) return { ok: false, errors: knowledge.errors, stats: engine.stats() };
          current = build(knowledge, options.indexCache, options.answerCacheSize);
          return { ok: true, errors: [], stats: engine.stats() };
        } catch (err) {
          const errors = [err instanceof KnowledgeError ? err : new KnowledgeError(options.knowledgeDir, (err as Error).message)];
          return { ok: false, errors, stats: engine.stats() };
        } finally {
          pending = null;
        }
      })();
      return pending;
    },
  );
  return engine;
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
    reload: () => current().reload(),
  };
}
