import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';

/**
 * How informative a word is in general Chinese: the IDF table that ships with
 * jieba (computed over a large corpus). A knowledge base of one article
 * cannot tell that 现在 or 以后 say little and that 房价 says a lot; this can.
 *
 * The table (~259k words) is kept compact: the file's text, where each word starts
 * and how long it is, its weight, and an open-addressing hash table of line numbers,
 * about 14 MB, where a Map of the words took twice the heap and its parse left
 * ~40 MB of garbage. `generalWeight` returns exactly what the Map did (the last
 * line of a word wins).
 */
interface Table {
  text: string;
  start: Uint32Array;
  length: Uint8Array;
  weight: Float64Array;
  /** Line number + 1 of the word hashed to each slot; 0 is empty. */
  slots: Int32Array;
}
let table: Table | null = null;

/** Weight of a word jieba's table does not know: a name (湘晨) or a number is informative. */
export const UNKNOWN_WORD_WEIGHT = 9;
/** A number matches by coincidence more often than a name does (15 in "iPhone 15" and in "15处"). */
export const NUMBER_WEIGHT = 5;
/** Single characters outside the table (做, 叫, 快) are mostly function words. */
export const SINGLE_CHAR_WEIGHT = 3;

/** FNV-1a over UTF-16 code units of text[from, to). */
function hash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The slot of `word` (held at text[from, to)): where it is, or the empty slot where it would go. */
function slotOf(t: Table, text: string, from: number, to: number): number {
  const mask = t.slots.length - 1;
  const n = to - from;
  for (let s = hash(text, from, to) & mask; ; s = (s + 1) & mask) {
    const line = t.slots[s]! - 1;
    if (line < 0) return s;
    if (t.length[line] !== n) continue;
    const at = t.start[line]!;
    let i = 0;
    while (i < n && t.text.charCodeAt(at + i) === text.charCodeAt(from + i)) i++;
    if (i === n) return s;
  }
}

/** Loads the table (~0.1 s). Called once at start-up with the dictionary. */
export function loadWordWeights(): void {
  if (table) return;
  const path = (nodejieba as unknown as { DEFAULT_IDF_DICT: string }).DEFAULT_IDF_DICT;
  const text = readFileSync(path, 'utf8');
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  lines++;
  let size = 1;
  while (size < lines * 2) size *= 2;
  const t: Table = { text, start: new Uint32Array(lines), length: new Uint8Array(lines), weight: new Float64Array(lines), slots: new Int32Array(size) };
  let line = 0;
  for (let from = 0; from < text.length; ) {
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', from);
    // A word longer than 255 code units is not a word a question holds; skipped like a line without a space.
    if (space > from && space < end && space - from < 256) {
      const s = slotOf(t, text, from, space);
      const known = t.slots[s]! - 1;
      const weight = Number(text.slice(space + 1, end));
      if (known >= 0) t.weight[known] = weight;
      else {
        t.start[line] = from;
        t.length[line] = space - from;
        t.weight[line] = weight;
        t.slots[s] = ++line;
      }
    }
    from = end + 1;
  }
  table = t;
}

export function generalWeight(word: string): number {
  loadWordWeights();
  const t = table!;
  if (word.length > 0 && word.length < 256) {
    const line = t.slots[slotOf(t, word, 0, word.length)]! - 1;
    if (line >= 0) return t.weight[line]!;
  }
  if (/^\d+(\.\d+)?%?$/u.test(word)) return NUMBER_WEIGHT;
  return [...word].length === 1 ? SINGLE_CHAR_WEIGHT : UNKNOWN_WORD_WEIGHT;
}
