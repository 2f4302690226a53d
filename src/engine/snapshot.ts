import { createArticleAnswerer } from '../answer/answer.js';
import { ANSWER_CACHE_SIZE, withAnswerCache } from '../answer/answer-cache.js';
import { exampleQuestions } from '../answer/examples.js';
import { settle, type Answer, type AskOptions } from '../answer/types.js';
import { createFaqComposer, type FaqSource } from '../faq/compose.js';
import type { FileReport } from '../knowledge/accounting.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Article, FaqEntry, Passage } from '../knowledge/types.js';
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
  files: FileReport[];
  examples: string[];
}

type MakeIndex = (passages: Passage[], synonyms: Synonyms) => SearchIndex;

/** The article path over one index: what both kinds of snapshot share. */
function articlePath(passages: Passage[], articles: Article[], synonymGroups: string[][], makeIndex: MakeIndex) {
  loadDictionary();
  const synonyms = createSynonyms(synonymGroups);
  const index = makeIndex(passages, synonyms);
  const titles = articles.map((a) => `《${a.title}》`);
  return { synonyms, index, ...createArticleAnswerer({ index, synonyms, suggestions: () => titles.slice(0, 5) }) };
}

/** A snapshot over passages that are already loaded, articles only (the eval sets and benchmarks use this). */
export function snapshotFromPassages(passages: Passage[], articles: Article[], synonymGroups: string[][] = [], makeIndex: MakeIndex = createSearchIndex): Snapshot {
  const { index, answer, rank } = articlePath(passages, articles, synonymGroups, makeIndex);
  return { articles, index, answer: (q, o) => settle(answer(q, o)), rank, builtAt: new Date(), errors: [], files: [], examples: [] };
}

export interface SnapshotOptions {
  /** Caches the built index on disk (see search/index-cache.ts); rebuilt every time when absent. */
  indexCache?: IndexCacheOptions;
  /** Recent answers remembered per snapshot (default 2000; 0 turns the cache off). */
  answerCacheSize?: number;
}

/** Builds everything a loaded knowledge folder answers with: index, FAQ around the articles, examples, answer cache. */
export function buildSnapshot(knowledge: Knowledge, options: SnapshotOptions = {}): Snapshot {
  addWords(knowledge.userWords);
  const cache = options.indexCache;
  const makeIndex: MakeIndex = cache ? (_, synonyms) => cachedSearchIndex(knowledge, synonyms, cache) : createSearchIndex;
  const { synonyms, index, answer, rank, quote, quotedPassage } = articlePath(knowledge.passages, knowledge.articles, knowledge.synonyms, makeIndex);
  // Which passage each FAQ answer was copied from, found the first time the entry answers.
  const sources = new Map<FaqEntry, number | null>();
  const source: FaqSource = (entry, question, score) => {
    if (!sources.has(entry)) sources.set(entry, quotedPassage(entry.answer));
    const doc = sources.get(entry);
    return doc == null ? null : quote(doc, question, score);
  };
  const faq = createFaqComposer(knowledge.faq, synonyms, source);
  // FAQ and articles from one snapshot, so a reload between the two cannot mix old and new.
  const composed = (question: string, options?: AskOptions) => settle(faq.compose(answer(question, options), options));
  const size = options.answerCacheSize ?? ANSWER_CACHE_SIZE;
  return {
    articles: knowledge.articles,
    index,
    answer: size > 0 ? withAnswerCache(composed, size) : composed,
    rank,
    builtAt: new Date(),
    errors: knowledge.errors,
    files: knowledge.files,
    // The manager's own first (front matter `examples`, then the FAQ's questions), then ones found in the articles.
    examples: [
      ...new Set([
        ...knowledge.articles.flatMap((a) => a.examples),
        ...knowledge.faq.map((e) => e.question),
        ...exampleQuestions(knowledge.passages, (q) => settle(answer(q, { limit: 1 }))),
      ]),
    ],
  };
}
