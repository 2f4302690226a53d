import { closeSync, fstatSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';

/**
 * jieba's IDF table (idf.utf8: 259k lines "word weight", 6 MB of text) as typed arrays: each
 * word's 64-bit hash, sorted, and the index of its weight among the distinct weights (2,963 in
 * jieba's file), about 2.6 MB where the text alone took 9 MB of heap. Every word keeps the exact
 * weight the text gives it (the last line of a word wins). A word outside the table matches one
 * of its hashes with a chance of about 259k / 2^64 (1e-14) per lookup; two words of the table
 * with one hash make the build throw.
 *
 * The table is built from the text (~0.3 s), or read from a file `scripts/build.mjs` writes into
 * dist/ (a few ms, and none of the text's garbage), when that file was built from the same idf.utf8.
 */
export interface WordWeightTable {
  /** Hash halves of each word, sorted by `high` (ties in line order). */
  high: Uint32Array;
  low: Uint32Array;
  /** Index into `weights` of each word's weight. */
  weightOf: Uint16Array;
  weights: Float64Array;
  /** Where each value of `high >>> 16` starts in `high` (65,537 entries). */
  buckets: Uint32Array;
}

/** Header: format version, the source file's stamp (size, hash of its ends), word count, distinct weights. */
const HEADER = 5;
/** Lines a table may have (the sort packs a line number into 20 bits). */
const LINE_LIMIT = 2 ** 20;
const VERSION = 2;

/** The last hash, as two 32-bit halves (no array per lookup). */
const hashed = new Uint32Array(2);

/** Two 32-bit lanes over UTF-16 code units of text[from, to), mixed at the end (cyrb53's scheme, all 64 bits kept): into `hashed`. */
function hashInto(text: string, from: number, to: number): void {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  hashed[0] = h1;
  hashed[1] = h2;
}

function withBuckets(t: Omit<WordWeightTable, 'buckets'>): WordWeightTable {
  const buckets = new Uint32Array(65537);
  for (let i = 0; i < t.high.length; i++) buckets[(t.high[i]! >>> 16) + 1]!++;
  for (let b = 1; b < buckets.length; b++) buckets[b]! += buckets[b - 1]!;
  return { ...t, buckets };
}

/** The table from idf.utf8's text. Lines without a space, and words of 256+ code units, are skipped. */
export function buildWordWeightTable(text: string): WordWeightTable {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  // One entry per line with a word, in typed arrays (the build leaves little garbage).
  const [high, low, start] = [new Uint32Array(lines), new Uint32Array(lines), new Uint32Array(lines)];
  const length = new Uint8Array(lines);
  const weight = new Float64Array(lines);
  let n = 0;
  for (let from = 0; from < text.length; ) {
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', from);
    if (space > from && space < end && space - from < 256) {
      hashInto(text, from, space);
      [high[n], low[n], start[n], length[n], weight[n]] = [hashed[0]!, hashed[1]!, from, space - from, Number(text.slice(space + 1, end))];
      n++;
    }
    from = end + 1;
  }
  // Sorted by the hash's high half, then by line (one numeric sort of high × 2^20 + line).
  if (n >= LINE_LIMIT) throw new Error(`word weights: ${n} words, more than ${LINE_LIMIT - 1}`);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = high[i]! * LINE_LIMIT + i;
  keys.sort();
  // Within a run of one high half, a word whose whole hash came before replaces it: the last line wins.
  const kept = new Uint32Array(n);
  let k = 0;
  const word = (i: number) => text.slice(start[i], start[i]! + length[i]!);
  for (let r = 0; r < n; ) {
    const run = k;
    const h = high[keys[r]! % LINE_LIMIT];
    for (; r < n && high[keys[r]! % LINE_LIMIT] === h; r++) {
      const e = keys[r]! % LINE_LIMIT;
      let j = run;
      while (j < k && low[kept[j]!] !== low[e]) j++;
      if (j === k) kept[k++] = e;
      else if (word(kept[j]!) === word(e)) kept[j] = e;
      else throw new Error(`word weights: ${word(kept[j]!)} and ${word(e)} share a hash`);
    }
  }
  const entries = kept.subarray(0, k);
  const distinct = new Map<number, number>();
  for (const e of entries) if (!distinct.has(weight[e]!)) distinct.set(weight[e]!, distinct.size);
  if (distinct.size > 65536) throw new Error(`word weights: ${distinct.size} distinct weights, more than 65,536`);
  return withBuckets({
    high: Uint32Array.from(entries, (e) => high[e]!),
    low: Uint32Array.from(entries, (e) => low[e]!),
    weightOf: Uint16Array.from(entries, (e) => distinct.get(weight[e]!)!),
    weights: Float64Array.from(distinct.keys()),
  });
}

/** The weight of `word`, or undefined when the table does not hold it. */
export function lookUp(t: WordWeightTable, word: string): number | undefined {
  hashInto(word, 0, word.length);
  const h1 = hashed[0]!;
  const h2 = hashed[1]!;
  const b = h1 >>> 16;
  for (let i = t.buckets[b]!, end = t.buckets[b + 1]!; i < end; i++) {
    if (t.high[i] === h1 && t.low[i] === h2) return t.weights[t.weightOf[i]!];
  }
  return undefined;
}

/** Byte offsets of the parts in the file (each part aligned to its element size). */
function layout(n: number, d: number) {
  const high = HEADER * 8;
  const low = high + 4 * n;
  const weightOf = low + 4 * n;
  const weights = Math.ceil((weightOf + 2 * n) / 8) * 8;
  return { high, low, weightOf, weights, bytes: weights + 8 * d };
}

/** Bytes hashed at each end of the source file for its stamp. */
const STAMP_EDGE = 65536;

/** The source file's size and a 32-bit FNV-1a hash of its first and last 64 KB: what the table was built from. */
function sourceStamp(source: string): [number, number] {
  const fd = openSync(source, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = Math.min(size, STAMP_EDGE);
    const tail = Math.min(size - head, STAMP_EDGE);
    const edges = Buffer.alloc(head + tail);
    readSync(fd, edges, 0, head, 0);
    readSync(fd, edges, head, tail, size - tail);
    let h = 0x811c9dc5;
    for (const b of edges) h = Math.imul(h ^ b, 0x01000193);
    return [size, h >>> 0];
  } finally {
    closeSync(fd);
  }
}

/** Writes the table of `source` (idf.utf8) to `file`, stamped with the source's size and the hash of its ends. */
export function writeWordWeightTable(source: string, file: string): void {
  const t = buildWordWeightTable(readFileSync(source, 'utf8'));
  const n = t.high.length;
  const at = layout(n, t.weights.length);
  const buffer = new ArrayBuffer(at.bytes);
  new Float64Array(buffer, 0, HEADER).set([VERSION, ...sourceStamp(source), n, t.weights.length]);
  new Uint32Array(buffer, at.high, n).set(t.high);
  new Uint32Array(buffer, at.low, n).set(t.low);
  new Uint16Array(buffer, at.weightOf, n).set(t.weightOf);
  new Float64Array(buffer, at.weights, t.weights.length).set(t.weights);
  writeFileSync(file, new Uint8Array(buffer));
}

/** The table in `file` when it was written from `source` as it is now; null otherwise (missing, stale, other version). */
export function readWordWeightTable(source: string, file: string): WordWeightTable | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const header = new Float64Array(HEADER);
    if (readSync(fd, new Uint8Array(header.buffer), 0, HEADER * 8, 0) !== HEADER * 8) return null;
    const [version, size, edgesHash, n, d] = header as unknown as number[];
    const [sourceSize, sourceHash] = sourceStamp(source);
    if (version !== VERSION || size !== sourceSize || edgesHash !== sourceHash) return null;
    const at = layout(n!, d!);
    if (fstatSync(fd).size !== at.bytes) return null;
    // One buffer, read in place: the arrays are views of it.
    const buffer = new ArrayBuffer(at.bytes);
    if (readSync(fd, new Uint8Array(buffer), 0, at.bytes, 0) !== at.bytes) return null;
    return withBuckets({
      high: new Uint32Array(buffer, at.high, n),
      low: new Uint32Array(buffer, at.low, n),
      weightOf: new Uint16Array(buffer, at.weightOf, n),
      weights: new Float64Array(buffer, at.weights, d),
    });
  } finally {
    closeSync(fd);
  }
}
