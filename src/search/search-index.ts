import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { Passage } from '../knowledge/types.js';
import { normalize } from '../text/normalize.js';
import { tokens } from '../text/terms.js';
import { searchWords } from '../text/segment.js';
import type { Synonyms } from './synonyms.js';

/** Bumped whenever tokenization or the stored layout changes, so stale serialized indexes are rebuilt. */
export const INDEX_VERSION = 4;

// Tokens are computed once per passage and handed to MiniSearch pre-split.
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

/**
 * Bigrams are a safety net for words jieba segments differently in the
 * question and the passage; only rare ones help (a common one, 中国 or 一个,
 * matches everywhere). Bigrams in more passages than this are neither indexed
 * nor searched: they were most of the index's postings, memory and build time,
 * and searching them ranked worse.
 */
export const RARE_BIGRAMS = { maxShare: 0.005, minDf: 3 };

export function isRareBigram(df: number, passages: number): boolean {
  return df > 0 && df <= Math.max(RARE_BIGRAMS.minDf, RARE_BIGRAMS.maxShare * passages);
}

interface Doc {
  id: number;
  title: string;
  words: string;
  bigrams: string;
}

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
  toJSON(): string;
}

function miniSearchOptions(synonyms: Synonyms): Options<Doc> {
  return {
    fields: ['title', 'words', 'bigrams'],
    tokenize: split,
    processTerm: (term, field) => (term === '' ? null : encodeTerm(field === 'bigrams' ? term : synonyms.canonical(term))),
  };
}

const count = (df: Map<string, number>, terms: Iterable<string>) => {
  for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
};

interface State {
  passages: Passage[];
  norms: string[];
  titles: string[];
  wordDf: Map<string, number>;
  bigramDf: Map<string, number>;
  mini: MiniSearch<Doc>;
}

function wrap(state: State, synonyms: Synonyms): SearchIndex {
  const { passages, norms, titles, wordDf, bigramDf, mini } = state;
  return {
    passages,
    norms,
    titles,
    size: passages.length,
    wordDf: (t) => wordDf.get(synonyms.canonical(t)) ?? 0,
    bigramDf: (t) => bigramDf.get(t) ?? 0,
    search(query, limit) {
      const words = [...new Set(query.words)];
      const grams = [...new Set(query.bigrams)];
      // At search time MiniSearch calls processTerm without a field name, so each
      // sub-query states its own: synonyms apply to words, never to bigrams.
      const sub = (terms: string[], fields: string[], processTerm: (t: string) => string): SearchOptions & { queries: string[] } => ({
        queries: [terms.join(SEP)],
        fields,
        processTerm,
      });
      const results = mini.search({
        combineWith: 'OR',
        queries: [
          sub(words, ['title', 'words'], (t) => encodeTerm(synonyms.canonical(t))),
          sub(grams, ['bigrams'], encodeTerm),
        ],
        boost: { ...FIELD_BOOST },
      });
      return results.slice(0, limit).map((r) => ({ doc: r.id as number, score: r.score }));
    },
    toJSON: () =>
      JSON.stringify({
        version: INDEX_VERSION,
        passages,
        norms,
        titles,
        wordDf: [...wordDf],
        bigramDf: [...bigramDf],
        mini: mini.toJSON(),
      }),
  };
}

/** Builds the index: normalizes and tokenizes every passage once. */
export function createSearchIndex(passages: Passage[], synonyms: Synonyms): SearchIndex {
  const mini = new MiniSearch<Doc>(miniSearchOptions(synonyms));
  const norms: string[] = [];
  const titles: string[] = [];
  const wordDf = new Map<string, number>();
  const bigramDf = new Map<string, number>();
  const tokenized = passages.map((p) => {
    const norm = normalize(p.text);
    norms.push(norm);
    const t = tokens(norm);
    count(wordDf, t.words.map((w) => synonyms.canonical(w)));
    count(bigramDf, t.bigrams);
    const title = normalize([p.article, p.section].filter(Boolean).join(' '));
    titles.push(title);
    return { title: searchWords(title), ...t };
  });
  // Second pass: document frequencies are known only once every passage is tokenized.
  const n = passages.length;
  const docs = tokenized.map(
    (t, id): Doc => ({
      id,
      title: t.title.join(SEP),
      words: t.words.join(SEP),
      bigrams: t.bigrams.filter((b) => isRareBigram(bigramDf.get(b)!, n)).join(SEP),
    }),
  );
  mini.addAll(docs);
  return wrap({ passages, norms, titles, wordDf, bigramDf, mini }, synonyms);
}

/** Loads an index written by `toJSON`; needs the same synonyms it was built with. Throws on a version mismatch. */
export function loadSearchIndex(json: string, synonyms: Synonyms): SearchIndex {
  const data = JSON.parse(json) as {
    version: number;
    passages: Passage[];
    norms: string[];
    titles: string[];
    wordDf: Array<[string, number]>;
    bigramDf: Array<[string, number]>;
    mini: unknown;
  };
  if (data.version !== INDEX_VERSION) throw new Error(`search index: version ${data.version}, expected ${INDEX_VERSION}`);
  const mini = MiniSearch.loadJS<Doc>(data.mini as Parameters<typeof MiniSearch.loadJS>[0], miniSearchOptions(synonyms));
  return wrap(
    { passages: data.passages, norms: data.norms, titles: data.titles, wordDf: new Map(data.wordDf), bigramDf: new Map(data.bigramDf), mini },
    synonyms,
  );
}

