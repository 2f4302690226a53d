import { createArticleAnswerer } from '../answer/answer.js';
import { ANSWER_CACHE_SIZE, withAnswerCache } from '../answer/answer-cache.js';
import { exampleQuestions } from '../answer/examples.js';
import type { Answer, AskOptions } from '../answer/types.js';
import { createFaqComposer } from '../faq/compose.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Article, Passage } from '../knowledge/types.js';
import { cachedSearchIndex, type IndexCacheOptions } from '../search/index-cache.js';
import { createSearchIndex, type SearchIndex } from '../search/search-index.js';
import { createSynonyms, type Synonyms } from '../search/synonyms.js';
import type { KnowledgeError } from '../shared/errors.js';
import { addWords, loadDictionary } from '../text/segment.js';

/**
 * One build of the knowledge: everything an answer reads, built together and
 * swapped as one reference on reload, so an answer never mixes old and new.
 */
export interface Snapshot {
  articles: Article[];
  index: SearchIndex;
  /** The full answer: FAQ around the article answer, cached (or the article answer alone, for eval sets). */
  answer: (question: string, options?: AskOptions) => Answer;
  /** Passage ids in rank order, before declining and excerpting (what Recall@k measures). */
  rank: (question: string, k?: number) => string[];
  builtAt: Date;
  errors: KnowledgeError[];
  examples: string[];
}

/** A snapshot over passages that are already loaded, articles only (the eval sets and benchmarks use this). */
export function snapshotFromPassages(
  passages: Passage[],
  articles: Article[],
  synonymGroups: string[][] = [],
  makeIndex: (passages: Passage[], synonyms: Synonyms) => SearchIndex = createSearchIndex,
): Snapshot {
  loadDictionary();
  const synonyms = createSynonyms(synonymGroups);
  const index = makeIndex(passages, synonyms);
  const titles = articles.map((a) => `《${a.title}》`);
  const { answer, rank } = createArticleAnswerer({ index, synonyms, suggestions: () => titles.slice(0, 5) });
  return { articles, index, answer, rank, builtAt: new Date(), errors: [], examples: [] };
}

export interface SnapshotOptions {
  /** Caches the built index on disk (see search/index-cache.ts); rebuilt every time when absent. */
  indexCache?: IndexCacheOptions;
  /** Recent answers remembered per snapshot (default 2000; 0 turns the cache off). */
  answerCacheSize?: number;
}

/** Builds everything a loaded knowledge folder answers with: index, FAQ, examples, answer cache. */
export function buildSnapshot(knowledge: Knowledge, options: SnapshotOptions = {}): Snapshot {
  addWords(knowledge.userWords);
  const cache = options.indexCache;
  const makeIndex = cache && ((_: Passage[], synonyms: Synonyms) => cachedSearchIndex(knowledge, synonyms, cache));
  const articlesOnly = snapshotFromPassages(knowledge.passages, knowledge.articles, knowledge.synonyms, makeIndex);
  const examples = exampleQuestions(knowledge.passages, (q) => articlesOnly.answer(q, { limit: 1 }));
  const faq = createFaqComposer(knowledge.faq, knowledge.articles.map((a) => a.title), createSynonyms(knowledge.synonyms));
  const composed = (question: string, options?: AskOptions) => faq.compose(articlesOnly.answer(question, options), options);
  const size = options.answerCacheSize ?? ANSWER_CACHE_SIZE;
  return { ...articlesOnly, errors: knowledge.errors, examples, answer: size > 0 ? withAnswerCache(composed, size) : composed };
}
