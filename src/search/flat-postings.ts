/**
 * The word postings as flat typed arrays: one entry per (term, field), its passages and
 * term frequencies in ascending passage order. The build collects them flat
 * (`PostingsBuilder`); the disk cache stores these arrays as they are.
 * MiniSearch reads each entry through a `PostingView`, which answers the three things
 * its scoring asks of a posting Map (`size`, `keys()`, `get(doc)`) in the same order
 * with the same values, so scores are unchanged; at ×10 cmrc (5.9 M postings) this is
 * 36 MB where Maps held ~250 MB, and nothing to rebuild when the cache loads.
 */
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
  /** Where the last `get` found its passage: MiniSearch asks `get` of each passage `keys()` gave, in order. */
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

  /** The passages, ascending (a view of the shared array: iterating it allocates nothing per passage). */
  keys(): Uint32Array {
    this.#at = this.#from;
    return this.#docs.subarray(this.#from, this.#to);
  }

  get(doc: number): number | undefined {
    const docs = this.#docs;
    let at = this.#at;
    if (at < this.#to && docs[at] === doc) return this.#tfs[at];
    if (++at < this.#to && docs[at] === doc) {
      this.#at = at;
      return this.#tfs[at];
    }
    let lo = this.#from;
    let hi = this.#to - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = docs[mid]!;
      if (d === doc) {
        this.#at = mid;
        return this.#tfs[mid];
      }
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

/**
 * Collects postings passage by passage, in passage order, as flat arrays (11 bytes a posting;
 * the build's peak held ~50 in Maps), then groups them by term and field. Terms keep the
 * order they were first seen in; within an entry passages stay ascending.
 */
export class PostingsBuilder {
  readonly #ids = new Map<string, number>();
  readonly #terms: string[] = [];
  #term = new Uint32Array(1024);
  #field = new Uint8Array(1024);
  #doc = new Uint32Array(1024);
  #tf = new Uint16Array(1024);
  #n = 0;

  add(term: string, field: number, doc: number, tf: number): void {
    let id = this.#ids.get(term);
    if (id === undefined) {
      this.#ids.set(term, (id = this.#terms.length));
      this.#terms.push(term);
    }
    if (this.#n === this.#term.length) this.#grow();
    const n = this.#n++;
    this.#term[n] = id;
    this.#field[n] = field;
    this.#doc[n] = doc;
    this.#tf[n] = Math.min(tf, 0xffff);
  }

  #grow(): void {
    const size = this.#term.length * 2;
    const grown = <T extends Uint8Array | Uint16Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.#term = grown(this.#term, (n) => new Uint32Array(n));
    this.#field = grown(this.#field, (n) => new Uint8Array(n));
    this.#doc = grown(this.#doc, (n) => new Uint32Array(n));
    this.#tf = grown(this.#tf, (n) => new Uint16Array(n));
  }

  /** Entries ordered by term (first seen first), then field; a counting sort, stable, so passages stay ascending. */
  finish(fields: number): FlatPostings {
    const n = this.#n;
    const keys = this.#terms.length * fields;
    const start = new Uint32Array(keys + 1);
    for (let i = 0; i < n; i++) start[this.#term[i]! * fields + this.#field[i]! + 1]!++;
    let entries = 0;
    for (let k = 0; k < keys; k++) {
      if (start[k + 1]! > 0) entries++;
      start[k + 1]! += start[k]!;
    }
    const flat: FlatPostings = {
      terms: this.#terms,
      entryTerm: new Uint32Array(entries),
      entryField: new Uint8Array(entries),
      offsets: new Uint32Array(entries + 1),
      docs: new Uint32Array(n),
      tfs: new Uint16Array(n),
    };
    let e = 0;
    for (let k = 0; k < keys; k++) {
      if (start[k + 1] === start[k]) continue;
      flat.entryTerm[e] = Math.floor(k / fields);
      flat.entryField[e] = k % fields;
      flat.offsets[++e] = start[k + 1]!;
    }
    const fill = start.subarray(0, keys);
    for (let i = 0; i < n; i++) {
      const at = fill[this.#term[i]! * fields + this.#field[i]!]!++;
      flat.docs[at] = this.#doc[i]!;
      flat.tfs[at] = this.#tf[i]!;
    }
    return flat;
  }
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
