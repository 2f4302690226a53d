/**
 * The built index as bytes (`v8.serialize` of typed arrays and a few strings),
 * for the disk cache. Postings are flat arrays, one entry per (term, field)
 * (flat-postings.ts), stored and loaded as they are: no JSON to parse, no Map to
 * rebuild and no token to re-segment.
 * The bigram table is typed arrays already. Article fields are stored once per
 * article, not once per passage.
 */
import v8 from 'node:v8';
import type { Passage } from '../knowledge/types.js';
import type { BigramTable } from './bigram-table.js';
import type { FlatPostings } from './flat-postings.js';
import { titleNormalizer, type IndexedText } from './postings.js';

const SEP = '\u0000';

/** What passages of one article share: every field but the passage's own four. */
type Meta = Omit<Passage, 'id' | 'section' | 'paragraph' | 'text'>;

interface Stored {
  version: number;
  metas: Meta[];
  ids: string[];
  meta: Uint32Array;
  sections: Array<string | null>;
  paragraphs: Uint32Array;
  texts: string[];
  norms: string[];
  terms: string;
  entryTerm: Uint32Array;
  entryField: Uint8Array;
  /** Postings of entry e are docs/tfs[offsets[e] .. offsets[e + 1]). */
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array;
  bigrams: BigramTable;
  fieldLength: Uint32Array;
}

export function encodeIndex(version: number, passages: readonly Passage[], text: IndexedText): Uint8Array {
  const metaIndex = new Map<string, number>();
  const metas: Meta[] = [];
  const meta = new Uint32Array(passages.length);
  passages.forEach((p, i) => {
    const { id: _id, section: _section, paragraph: _paragraph, text: _text, ...m } = p;
    const key = JSON.stringify(m);
    let at = metaIndex.get(key);
    if (at === undefined) metaIndex.set(key, (at = metas.push(m) - 1));
    meta[i] = at;
  });
  const stored: Stored = {
    version,
    metas,
    ids: passages.map((p) => p.id),
    meta,
    sections: passages.map((p) => p.section),
    paragraphs: Uint32Array.from(passages, (p) => p.paragraph),
    texts: passages.map((p) => p.text),
    norms: text.norms,
    terms: text.postings.terms.join(SEP),
    entryTerm: text.postings.entryTerm,
    entryField: text.postings.entryField,
    offsets: text.postings.offsets,
    docs: text.postings.docs,
    tfs: text.postings.tfs,
    bigrams: text.bigrams,
    fieldLength: text.fieldLength,
  };
  return v8.serialize(stored);
}

/**
 * A copy of a typed array `v8.deserialize` returned: those are views into the bytes read
 * from disk, and one kept view keeps all of them (the passages' texts included, which the
 * heap has as strings already) from being freed.
 */
const own = <T extends Uint8Array | Uint16Array | Uint32Array>(a: T): T => a.slice() as T;

/**
 * Reads bytes written by `encodeIndex`. `passages`, when given, are the passages the index was
 * built from (the cache key says so): they are used instead of building equal ones again.
 */
export function decodeIndex(bytes: Uint8Array, version: number, known?: readonly Passage[]): { passages: readonly Passage[]; text: IndexedText } {
  const s = v8.deserialize(bytes) as Stored;
  if (s?.version !== version) throw new Error(`search index: version ${s?.version}, expected ${version}`);
  if (known && known.length !== s.ids.length) throw new Error(`search index: ${s.ids.length} passages, expected ${known.length}`);
  const b = s.bigrams;
  const bigrams: BigramTable = { codes: own(b.codes), df: own(b.df), offsets: own(b.offsets), docs: own(b.docs), tfs: own(b.tfs), lengths: own(b.lengths) };
  const passages =
    known ?? s.ids.map((id, i): Passage => ({ ...s.metas[s.meta[i]!]!, id, section: s.sections[i]!, paragraph: s.paragraphs[i]!, text: s.texts[i]! }));
  const postings: FlatPostings = {
    terms: s.terms === '' ? [] : s.terms.split(SEP),
    entryTerm: own(s.entryTerm),
    entryField: own(s.entryField),
    offsets: own(s.offsets),
    docs: own(s.docs),
    tfs: own(s.tfs),
  };
  const titleOf = titleNormalizer();
  const titles = passages.map(titleOf);
  return { passages, text: { postings, bigrams, fieldLength: own(s.fieldLength), norms: s.norms, titles } };
}
