import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { Passage } from '../knowledge/types.js';
import { averageLength, bigramDf, scoreBigrams } from './bigram-table.js';
import { postingViews, type PostingViews } from './flat-postings.js';
import { decodeIndex, encodeIndex } from './index-format.js';
import { FIELDS, indexText, TITLE, WORDS, type IndexedText } from './postings.js';
import type { Synonyms } from './synonyms.js';

export { isRareBigram, RARE_BIGRAMS } from './bigram-table.js';

/** Bumped whenever tokenization (stop words, common synonyms, segmentation) or the stored layout changes, so stale serialized indexes are rebuilt. */
export const INDEX_VERSION = 16;

// Query terms are handed to MiniSearch pre-split.
const SEP = '\u0000';
const split = (s: string) => (s ? s.split(SEP) : []);

/**
 * Terms are stored as hex code units (东 → 4e1c). MiniSearch's radix tree
 * scans a node's children linearly, and Chinese text gives the root thousands
 * of children (one per first character): hex keeps every fan-out at 16 and
 * made indexing cmrc2018 about 4x faster. Only exact matches are used, so
 * nothing is lost.
 */
export function encodeTerm(term: string): string {
  let out = '';
  for (let i = 0; i < term.length; i++) out += term.charCodeAt(i).toString(16).padStart(4, '0');
  return out;
}

/** Relative weight of each field, measured on the eval sets (see DESIGN.md, "Ranking"). */
export const FIELD_BOOST = { title: 2, words: 1, bigrams: 1 };

export interface QueryTerms {
  words: string[];
  bigrams: string[];
}

export interface Hit {
  /** Position of the passage in `passages`. */
  doc: number;
  score: number;
}

export interface SearchIndex {
  readonly passages: readonly Passage[];
  /** Normalized text of each passage (same positions as `passages`). */
  readonly norms: readonly string[];
  /** Normalized article title and section of each passage: what the passage is about. */
  readonly titles: readonly string[];
  readonly size: number;
  /** Number of passages that contain a word (as indexed by jieba), 0 when unknown. */
  wordDf(term: string): number;
  bigramDf(term: string): number;
  search(query: QueryTerms, limit: number): Hit[];
  /** The index as bytes for the disk cache (`loadSearchIndex` reads them back). */
  serialize(): Uint8Array;
}

export type Doc = Record<(typeof FIELDS)[number], string> & { id: number };

/**
 * A MiniSearch over postings built by `indexText`, without re-adding every
 * token: `loadJS` (its public deserializer) sets up the document bookkeeping,
 * and each distinct term goes into its radix tree once, with MiniSearch's own
 * per-field Maps. This fills MiniSearch's private `_index` exactly as `loadJS`
 * does; tests/search/round-trip.test.ts checks the scores against MiniSearch's
 * own `addAll`, and the index cache key includes MiniSearch's version.
 */
function miniSearchOver(text: IndexedText, views: PostingViews, n: number): MiniSearch<Doc> {
  const documentIds: Record<number, number> = {};
  const fieldLength: Record<number, number[]> = {};
  const sums = [0, 0];
  for (let doc = 0; doc < n; doc++) {
    documentIds[doc] = doc;
    const lengths = [text.fieldLength[2 * doc]!, text.fieldLength[2 * doc + 1]!];
    fieldLength[doc] = lengths;
    sums[0]! += lengths[0]!;
    sums[1]! += lengths[1]!;
  }
  const js = {
    documentCount: n,
    nextId: n,
    documentIds,
    fieldIds: { title: TITLE, words: WORDS },
    fieldLength,
    averageFieldLength: sums.map((s) => (n > 0 ? s / n : 0)),
    storedFields: {},
    dirtCount: 0,
    index: [],
    serializationVersion: 2,
  };
  const mini = MiniSearch.loadJS<Doc>(js as Parameters<typeof MiniSearch.loadJS>[0], { fields: [...FIELDS], tokenize: split });
  const tree = (mini as unknown as { _index: { set(term: string, data: PostingViews extends Map<string, infer F> ? F : never): void } })._index;
  for (const [term, fields] of views) tree.set(encodeTerm(term), fields);
  return mini;
}

/**
 * Words (title and body, synonyms applied) through MiniSearch, plus the rare
 * bigrams from the bigram table, combined as MiniSearch combines an OR query:
 * scores add, and the sum is multiplied by how many distinct query terms the
 * passage matched (MiniSearch's "quality"). The scores are those of one
 * MiniSearch holding both (tests/search/round-trip.test.ts).
 */
function search(mini: MiniSearch<Doc>, text: IndexedText, avgBigrams: number, synonyms: Synonyms, query: QueryTerms, limit: number): Hit[] {
  const words = mini.search([...new Set(query.words)].join(SEP), {
    fields: ['title', 'words'],
    processTerm: (t) => encodeTerm(synonyms.canonical(t)),
    boost: { title: FIELD_BOOST.title, words: FIELD_BOOST.words },
  });
  const grams = scoreBigrams(text.bigrams, query.bigrams, mini.documentCount, avgBigrams);
  const hits: Hit[] = [];
  for (const r of words) {
    const doc = r.id as number;
    const g = grams.get(doc);
    if (!g) {
      hits.push({ doc, score: r.score });
      continue;
    }
    grams.delete(doc);
    const terms = new Set(r.queryTerms);
    for (const t of g.terms) terms.add(encodeTerm(t));
    hits.push({ doc, score: (r.score / (r.queryTerms.length || 1) + FIELD_BOOST.bigrams * g.score) * terms.size });
  }
  for (const [doc, g] of grams) hits.push({ doc, score: FIELD_BOOST.bigrams * g.score * g.terms.length });
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}

function wrap(passages: readonly Passage[], text: IndexedText, synonyms: Synonyms): SearchIndex {
  const { norms, titles } = text;
  const views = postingViews(text.postings);
  const mini = miniSearchOver(text, views, passages.length);
  const avgBigrams = averageLength(text.bigrams);
  return {
    passages,
    norms,
    titles,
    size: passages.length,
    wordDf: (t) => views.get(synonyms.canonical(t))?.get(WORDS)?.size ?? 0,
    bigramDf: (t) => bigramDf(text.bigrams, t),
    search: (query, limit) => search(mini, text, avgBigrams, synonyms, query, limit),
    serialize: () => encodeIndex(INDEX_VERSION, passages, text),
  };
}

/** Builds the index: normalizes and tokenizes every passage once. */
export function createSearchIndex(passages: readonly Passage[], synonyms: Synonyms): SearchIndex {
  return wrap(passages, indexText(passages, synonyms), synonyms);
}

/**
 * Loads an index written by `serialize`; needs the same synonyms it was built with, and takes the
 * passages it was built from when the caller has them (else they are read back). Throws on a version mismatch.
 */
export function loadSearchIndex(bytes: Uint8Array, synonyms: Synonyms, passages?: readonly Passage[]): SearchIndex {
  const { passages: read, text } = decodeIndex(bytes, INDEX_VERSION, passages);
  return wrap(read, text, synonyms);
}

