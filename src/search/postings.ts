import type { Passage } from '../knowledge/types.js';
import { normalize } from '../text/normalize.js';
import { searchWords } from '../text/segment.js';
import { buildBigramTable, type BigramTable } from './bigram-table.js';
import { PostingsBuilder, type FlatPostings } from './flat-postings.js';
import type { Synonyms } from './synonyms.js';

/** MiniSearch's field ids, in the order of its `fields` option. */
export const FIELDS = ['title', 'words'] as const;
export const TITLE = 0;
export const WORDS = 1;

/** Everything the index needs besides MiniSearch's bookkeeping. */
export interface IndexedText {
  /** The word postings (title and words fields), flat (flat-postings.ts). */
  postings: FlatPostings;
  /** The bigram fallback: every bigram's document frequency, postings of the rare ones. */
  bigrams: BigramTable;
  /** Unique terms per passage and field: [title, words] of passage i at 2i, 2i + 1 (MiniSearch's field length). */
  fieldLength: Uint32Array;
  norms: string[];
  titles: string[];
}

/** Adds one passage's terms of one field; returns how many distinct raw terms it has (MiniSearch's field length). */
function post(postings: PostingsBuilder, raw: readonly string[], canonical: (t: string) => string, field: number, doc: number): number {
  const counts = new Map<string, number>();
  for (const w of raw) {
    const t = canonical(w);
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  for (const [term, tf] of counts) postings.add(term, field, doc, tf);
  return new Set(raw).size;
}

/** Normalized "article section" of a passage, shared by every passage of the section. */
export function titleNormalizer(): (p: Pick<Passage, 'article' | 'section'>) => string {
  const memo = new Map<string, string>();
  return (p) => {
    const raw = [p.article, p.section].filter(Boolean).join(' ');
    let t = memo.get(raw);
    if (t === undefined) memo.set(raw, (t = normalize(raw)));
    return t;
  };
}

/**
 * Tokenizes every passage once and builds the postings MiniSearch searches:
 * jieba words (synonyms mapped to their group's first word) and title words;
 * then the bigram table from the normalized texts. Passage by passage: no
 * token list of the whole knowledge is ever held, and the postings are
 * collected flat (flat-postings.ts).
 */
export function indexText(passages: readonly Passage[], synonyms: Synonyms): IndexedText {
  const n = passages.length;
  const postings = new PostingsBuilder();
  const fieldLength = new Uint32Array(2 * n);
  const norms: string[] = new Array(n);
  const titles: string[] = new Array(n);
  const titleOf = titleNormalizer();
  const titleWords = new Map<string, string[]>();
  for (let doc = 0; doc < n; doc++) {
    const p = passages[doc]!;
    const norm = (norms[doc] = normalize(p.text));
    const title = (titles[doc] = titleOf(p));
    let tw = titleWords.get(title);
    if (!tw) titleWords.set(title, (tw = searchWords(title)));
    fieldLength[2 * doc + TITLE] = post(postings, tw, synonyms.canonical, TITLE, doc);
    fieldLength[2 * doc + WORDS] = post(postings, searchWords(norm), synonyms.canonical, WORDS, doc);
  }
  return { postings: postings.finish(FIELDS.length), bigrams: buildBigramTable(norms), fieldLength, norms, titles };
}
