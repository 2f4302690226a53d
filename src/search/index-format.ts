/**
 * The built index as bytes (`v8.serialize` of typed arrays and a few strings),
 * for the disk cache. Postings are flat arrays, one entry per (term, field):
 * loading is a pass over them, with no JSON to parse and no token to re-segment.
 * The bigram table is typed arrays already. Article fields are stored once per
 * article, not once per passage.
 */
import v8 from 'node:v8';
import type { Passage } from '../knowledge/types.js';
import type { BigramTable } from './bigram-table.js';
import { titleNormalizer, type IndexedText, type Postings } from './postings.js';

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
  let entries = 0;
  let total = 0;
  for (const fields of text.postings.values()) {
    entries += fields.size;
    for (const docs of fields.values()) total += docs.size;
  }
  const entryTerm = new Uint32Array(entries);
  const entryField = new Uint8Array(entries);
  const offsets = new Uint32Array(entries + 1);
  const docs = new Uint32Array(total);
  const tfs = new Uint16Array(total);
  let e = 0;
  let at = 0;
  let t = 0;
  for (const fields of text.postings.values()) {
    for (const [field, posting] of fields) {
      entryTerm[e] = t;
      entryField[e] = field;
      for (const [doc, tf] of posting) {
        docs[at] = doc;
        tfs[at++] = Math.min(tf, 0xffff);
      }
      offsets[++e] = at;
    }
    t++;
  }
  const stored: Stored = {
    version,
    metas,
    ids: passages.map((p) => p.id),
    meta,
    sections: passages.map((p) => p.section),
    paragraphs: Uint32Array.from(passages, (p) => p.paragraph),
    texts: passages.map((p) => p.text),
    norms: text.norms,
    terms: [...text.postings.keys()].join(SEP),
    entryTerm,
    entryField,
    offsets,
    docs,
    tfs,
    bigrams: text.bigrams,
    fieldLength: text.fieldLength,
  };
  return v8.serialize(stored);
}

export function decodeIndex(bytes: Uint8Array, version: number): { passages: Passage[]; text: IndexedText } {
  const s = v8.deserialize(bytes) as Stored;
  if (s?.version !== version) throw new Error(`search index: version ${s?.version}, expected ${version}`);
  const passages = s.ids.map(
    (id, i): Passage => ({ ...s.metas[s.meta[i]!]!, id, section: s.sections[i]!, paragraph: s.paragraphs[i]!, text: s.texts[i]! }),
  );
  const terms = s.terms === '' ? [] : s.terms.split(SEP);
  const postings: Postings = new Map();
  for (let e = 0; e + 1 < s.offsets.length; e++) {
    const term = terms[s.entryTerm[e]!]!;
    let fields = postings.get(term);
    if (!fields) postings.set(term, (fields = new Map()));
    const docs = new Map<number, number>();
    for (let i = s.offsets[e]!; i < s.offsets[e + 1]!; i++) docs.set(s.docs[i]!, s.tfs[i]!);
    fields.set(s.entryField[e]!, docs);
  }
  const titleOf = titleNormalizer();
  const titles = passages.map(titleOf);
  return { passages, text: { postings, bigrams: s.bigrams, fieldLength: s.fieldLength, norms: s.norms, titles } };
}
