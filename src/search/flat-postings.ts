/**
 * The word postings as flat typed arrays: one entry per (term, field), its passages and
 * term frequencies in ascending passage order. The build counts them in Maps
 * (postings.ts) and flattens them once; the disk cache stores these arrays as they are.
 * MiniSearch reads each entry through a `PostingView`, which answers the three things
 * its scoring asks of a posting Map (`size`, `keys()`, `get(doc)`) in the same order
 * with the same values, so scores are unchanged; at ×10 cmrc (5.9 M postings) this is
 * 36 MB where Maps held ~250 MB, and nothing to rebuild when the cache loads.
 */
import type { Postings } from './postings.js';

export interface FlatPostings {
  /** Distinct terms, in first-seen order. */
  terms: string[];
  entryTerm: Uint32Array;
  entryField: Uint8Array;
  /** Postings of entry e are docs/tfs[offsets[e] .. offsets[e + 1]), docs ascending. */
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array;
}

/** One term's postings in one field, read as MiniSearch reads a posting Map. */
export class PostingView {
  readonly #docs: Uint32Array;
  readonly #tfs: Uint16Array;
  readonly #from: number;
  readonly #to: number;
  /** Where `keys()` stands: MiniSearch asks `get(doc)` of the doc it was just given. */
  #at: number;

  constructor(flat: FlatPostings, from: number, to: number) {
    this.#docs = flat.docs;
    this.#tfs = flat.tfs;
    this.#from = from;
    this.#to = to;
    this.#at = from;
  }

  get size(): number {
    return this.#to - this.#from;
  }

  *keys(): IterableIterator<number> {
    for (let i = this.#from; i < this.#to; i++) {
      this.#at = i;
      yield this.#docs[i]!;
    }
  }

  get(doc: number): number | undefined {
    if (this.#docs[this.#at] === doc && this.#at < this.#to) return this.#tfs[this.#at];
    let lo = this.#from;
    let hi = this.#to - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = this.#docs[mid]!;
      if (d === doc) return this.#tfs[mid];
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  *entries(): IterableIterator<[number, number]> {
    for (let i = this.#from; i < this.#to; i++) yield [this.#docs[i]!, this.#tfs[i]!];
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }
}

/** The build's Maps as flat arrays (passages ascending within each entry, as they were added). */
export function flattenPostings(postings: Postings): FlatPostings {
  let entries = 0;
  let total = 0;
  for (const fields of postings.values()) {
    entries += fields.size;
    for (const docs of fields.values()) total += docs.size;
  }
  const flat: FlatPostings = {
    terms: [...postings.keys()],
    entryTerm: new Uint32Array(entries),
    entryField: new Uint8Array(entries),
    offsets: new Uint32Array(entries + 1),
    docs: new Uint32Array(total),
    tfs: new Uint16Array(total),
  };
  let e = 0;
  let at = 0;
  let t = 0;
  for (const fields of postings.values()) {
    for (const [field, posting] of fields) {
      flat.entryTerm[e] = t;
      flat.entryField[e] = field;
      for (const [doc, tf] of posting) {
        flat.docs[at] = doc;
        flat.tfs[at++] = Math.min(tf, 0xffff);
      }
      flat.offsets[++e] = at;
    }
    t++;
  }
  return flat;
}

/** term → field id → its postings: the shape MiniSearch's radix tree holds per term. */
export type PostingViews = Map<string, Map<number, PostingView>>;

export function postingViews(flat: FlatPostings): PostingViews {
  const views: PostingViews = new Map();
  for (let e = 0; e + 1 < flat.offsets.length; e++) {
    const term = flat.terms[flat.entryTerm[e]!]!;
    let fields = views.get(term);
    if (!fields) views.set(term, (fields = new Map()));
    fields.set(flat.entryField[e]!, new PostingView(flat, flat.offsets[e]!, flat.offsets[e + 1]!));
  }
  return views;
}
