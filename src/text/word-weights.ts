import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';

/**
 * How informative a word is in general Chinese: the IDF table that ships with
 * jieba (computed over a large corpus). A knowledge base of one article
 * cannot tell that 现在 or 以后 say little and that 房价 says a lot; this can.
 */
let table: Map<string, number> | null = null;

/** Weight of a word jieba's table does not know: a name (湘晨) or a number is informative. */
export const UNKNOWN_WORD_WEIGHT = 9;
/** A number matches by coincidence more often than a name does (15 in "iPhone 15" and in "15处"). */
export const NUMBER_WEIGHT = 5;
/** Single characters outside the table (做, 叫, 快) are mostly function words. */
export const SINGLE_CHAR_WEIGHT = 3;

/** Loads the table (~250k words, ~0.2 s). Called once at start-up with the dictionary. */
export function loadWordWeights(): void {
  if (table) return;
  const path = (nodejieba as unknown as { DEFAULT_IDF_DICT: string }).DEFAULT_IDF_DICT;
  table = new Map();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) table.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
}

export function generalWeight(word: string): number {
  loadWordWeights();
  const w = table!.get(word);
  if (w !== undefined) return w;
  if (/^\d+(\.\d+)?%?$/u.test(word)) return NUMBER_WEIGHT;
  return [...word].length === 1 ? SINGLE_CHAR_WEIGHT : UNKNOWN_WORD_WEIGHT;
}
