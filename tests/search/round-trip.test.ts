import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import v8 from 'node:v8';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { Passage } from '../../src/knowledge/types.js';
import { isRareBigram } from '../../src/search/bigram-table.js';
import { createSearchIndex, encodeTerm, FIELD_BOOST, loadSearchIndex, type Hit, type QueryTerms } from '../../src/search/search-index.js';
import { createSynonyms, type Synonyms } from '../../src/search/synonyms.js';
import { normalize } from '../../src/text/normalize.js';
import { searchWords } from '../../src/text/segment.js';
import { bigrams, tokens } from '../../src/text/terms.js';

type Doc = { id: number; title: string; words: string; bigrams: string };
const split = (s: string) => (s ? s.split('\u0000') : []);

/**
 * The index as MiniSearch builds it itself, token by token with `addAll`, with the bigrams in a third
 * field (as before the bigram table): what the direct build and the bigram table must score exactly like.
 */
function referenceIndex(passages: readonly Passage[], synonyms: Synonyms): MiniSearch<Doc> {
  const norms = passages.map((p) => normalize(p.text));
  const df = new Map<string, number>();
  for (const n of norms) for (const b of new Set(bigrams(n))) df.set(b, (df.get(b) ?? 0) + 1);
  const mini = new MiniSearch<Doc>({
    fields: ['title', 'words', 'bigrams'],
    tokenize: split,
    processTerm: (term, field) => (term === '' ? null : encodeTerm(field === 'bigrams' ? term : synonyms.canonical(term))),
  });
  mini.addAll(
    passages.map((p, id) => ({
      id,
      title: searchWords(normalize([p.article, p.section].filter(Boolean).join(' '))).join('\u0000'),
      words: searchWords(norms[id]!).join('\u0000'),
      bigrams: bigrams(norms[id]!).filter((b) => isRareBigram(df.get(b)!, passages.length)).join('\u0000'),
    })),
  );
  return mini;
}

function referenceSearch(mini: MiniSearch<Doc>, synonyms: Synonyms, query: QueryTerms, limit: number): Hit[] {
  const sub = (terms: string[], fields: string[], processTerm: (t: string) => string) => ({ queries: [[...new Set(terms)].join('\u0000')], fields, processTerm });
  return mini
    .search({
      combineWith: 'OR',
      queries: [sub(query.words, ['title', 'words'], (t) => encodeTerm(synonyms.canonical(t))), sub(query.bigrams, ['bigrams'], encodeTerm)],
      boost: { ...FIELD_BOOST },
    })
    .slice(0, limit)
    .map((r) => ({ doc: r.id as number, score: r.score }));
}

// Questions written for this test (not from any eval set), plus a slice of every passage.
const QUESTIONS = ['东江湖蓄水量', '跨境一锁通关', '湾区菜篮子基地', '郴州北湖机场', '香港包裹费用', '郴州到广州要多久', '湘南湘西承接产业转移示范区'];

describe('search index', () => {
  it('scores exactly as MiniSearch indexing every token itself (addAll), and the same after serialize and load', async () => {
    const k = await loadKnowledge('knowledge');
    const synonyms = createSynonyms(k.synonyms);
    const built = createSearchIndex(k.passages, synonyms);
    const loaded = loadSearchIndex(built.serialize(), synonyms);
    const reference = referenceIndex(k.passages, synonyms);
    expect(loaded.size).toBe(built.size);
    expect(loaded.passages).toEqual(built.passages);
    expect(loaded.norms).toEqual(built.norms);
    expect(loaded.titles).toEqual(built.titles);
    const queries = [...QUESTIONS, ...k.passages.map((p) => p.text.slice(10, 30))];
    let hits = 0;
    for (const q of queries) {
      const terms = tokens(normalize(q));
      const got = built.search(terms, 10);
      const want = referenceSearch(reference, synonyms, terms, 10);
      expect(got.map((h) => h.doc)).toEqual(want.map((h) => h.doc));
      got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]!.score, 9));
      expect(loaded.search(terms, 10)).toEqual(got);
      hits += got.length;
    }
    expect(hits).toBeGreaterThan(queries.length);
    for (const w of ['东江湖', '郴州', '大湾区', '不存在的词']) expect(loaded.wordDf(w)).toBe(built.wordDf(w));
    for (const b of ['郴州', '东江', '湖蓄', '无有']) expect(loaded.bigramDf(b)).toBe(built.bigramDf(b));
    expect(built.wordDf('郴州')).toBeGreaterThan(0);
    expect(built.bigramDf('东江')).toBeGreaterThan(0);
  });

  it('refuses bytes of another version or that are not an index', () => {
    expect(() => loadSearchIndex(v8.serialize({ version: -1 }), createSynonyms([]))).toThrow(/version/u);
    expect(() => loadSearchIndex(Buffer.from('not an index'), createSynonyms([]))).toThrow();
  });
});
