import { bigrams } from '../text/terms.js';

/**
 * The bigram fallback, outside MiniSearch. Every CJK bigram of the knowledge
 * is one 32-bit code (two UTF-16 units; a lone character is its own code) in a
 * sorted table with its document frequency; the rare ones (the only ones
 * searched) also have postings. All typed arrays: a few bytes per bigram where
 * MiniSearch's radix tree spent three Maps (~85% of its terms were bigrams, most
 * seen once), and the disk cache stores them as they are.
 */
export interface BigramTable {
  /** Distinct bigram codes, ascending. */
  codes: Uint32Array;
  /** Passages containing each bigram. */
  df: Uint32Array;
  /** Postings of bigram i are docs/tfs[offsets[i] .. offsets[i + 1]); empty for the common ones. */
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint16Array;
  /** Distinct rare bigrams per passage: the field length of BM25. */
  lengths: Uint32Array;
}

/** Bigrams in more passages than this are neither indexed nor searched (see DESIGN.md, "Ranking"). */
export const RARE_BIGRAMS = { maxShare: 0.005, minDf: 3 };

export function isRareBigram(df: number, passages: number): boolean {
  return df > 0 && df <= Math.max(RARE_BIGRAMS.minDf, RARE_BIGRAMS.maxShare * passages);
}

export const bigramCode = (b: string): number => (b.length === 1 ? b.charCodeAt(0) : ((b.charCodeAt(0) << 16) | b.charCodeAt(1)) >>> 0);

/** Position of a code in the table, or -1. */
export function findBigram(table: BigramTable, code: number): number {
  let lo = 0;
  let hi = table.codes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = table.codes[mid]!;
    if (c === code) return mid;
    if (c < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function bigramDf(table: BigramTable, b: string): number {
  const i = b.length === 1 || b.length === 2 ? findBigram(table, bigramCode(b)) : -1;
  return i < 0 ? 0 : table.df[i]!;
}

/** Builds the table from the passages' normalized texts, in three passes over flat arrays. */
export function buildBigramTable(norms: readonly string[]): BigramTable {
  const n = norms.length;
  // Each passage's distinct codes and their counts, one after another (a text of L characters has at most L bigrams).
  let capacity = 0;
  for (const t of norms) capacity += t.length;
  const codesOf = new Uint32Array(capacity);
  const tfsOf = new Uint16Array(capacity);
  const starts = new Uint32Array(n + 1);
  let at = 0;
  const counts = new Map<string, number>();
  for (let doc = 0; doc < n; doc++) {
    counts.clear();
    for (const b of bigrams(norms[doc]!)) counts.set(b, (counts.get(b) ?? 0) + 1);
    for (const [b, tf] of counts) {
      codesOf[at] = bigramCode(b);
      tfsOf[at++] = Math.min(tf, 0xffff);
    }
    starts[doc + 1] = at;
  }
  const sorted = codesOf.slice(0, at).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!;
  const table: BigramTable = {
    codes: sorted.slice(0, distinct),
    df: new Uint32Array(distinct),
    offsets: new Uint32Array(distinct + 1),
    docs: new Uint32Array(0),
    tfs: new Uint16Array(0),
    lengths: new Uint32Array(n),
  };
  // `sorted` is free once the distinct codes are copied out: it holds each pair's slot now (one array of that size less at the peak).
  const slot = sorted;
  for (let i = 0; i < at; i++) table.df[(slot[i] = findBigram(table, codesOf[i]!))]!++;
  for (let i = 0; i < distinct; i++) table.offsets[i + 1] = table.offsets[i]! + (isRareBigram(table.df[i]!, n) ? table.df[i]! : 0);
  table.docs = new Uint32Array(table.offsets[distinct]!);
  table.tfs = new Uint16Array(table.offsets[distinct]!);
  const fill = table.offsets.slice(0, distinct);
  for (let doc = 0; doc < n; doc++) {
    for (let i = starts[doc]!; i < starts[doc + 1]!; i++) {
      const s = slot[i]!;
      if (!isRareBigram(table.df[s]!, n)) continue;
      table.docs[fill[s]!] = doc;
      table.tfs[fill[s]!++] = tfsOf[i]!;
      table.lengths[doc]!++;
    }
  }
  return table;
}

/** MiniSearch's BM25 parameters (its defaults), so bigram scores add up exactly as when MiniSearch held them. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

export interface BigramMatch {
  score: number;
  /** The query bigrams found in the passage. */
  terms: string[];
}

/** BM25 of the query's bigrams for every passage holding one, as MiniSearch scores a field (boost 1). */
export function scoreBigrams(table: BigramTable, grams: readonly string[], n: number, avgLength: number): Map<number, BigramMatch> {
  const out = new Map<number, BigramMatch>();
  for (const g of new Set(grams)) {
    const i = findBigram(table, bigramCode(g));
    if (i < 0) continue;
    const from = table.offsets[i]!;
    const to = table.offsets[i + 1]!;
    const df = to - from;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    for (let p = from; p < to; p++) {
      const doc = table.docs[p]!;
      const tf = table.tfs[p]!;
      const score = idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * table.lengths[doc]!) / avgLength)));
      const m = out.get(doc);
      if (m) {
        m.score += score;
        m.terms.push(g);
      } else out.set(doc, { score, terms: [g] });
    }
  }
  return out;
}

export function averageLength(table: BigramTable): number {
  let sum = 0;
  for (const l of table.lengths) sum += l;
  return table.lengths.length > 0 ? sum / table.lengths.length : 0;
}
