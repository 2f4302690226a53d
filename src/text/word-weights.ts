import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nodejieba from 'nodejieba';
import { buildWordWeightTable, lookUp, readWordWeightTable, type WordWeightTable } from './word-weight-table.js';

/**
 * How informative a word is in general Chinese: the IDF table that ships with
 * jieba (computed over a large corpus). A knowledge base of one article
 * cannot tell that 现在 or 以后 say little and that 房价 says a lot; this can.
 *
 * The table (~259k words) is kept as hashes and weight indexes in typed arrays, ~2.9 MB
 * (word-weight-table.ts), read from dist/text/word-weights.bin when the build wrote it
 * for this idf.utf8, else built from the text. `generalWeight` returns exactly the weight
 * the text gives a word.
 */
let table: WordWeightTable | null = null;

/** Where the build writes the table: beside this module (so only in dist/, never in src/). */
export const WORD_WEIGHTS_FILE = fileURLToPath(new URL('./word-weights.bin', import.meta.url));
export const idfSource = (): string => (nodejieba as unknown as { DEFAULT_IDF_DICT: string }).DEFAULT_IDF_DICT;

/** Weight of a word jieba's table does not know: a name (湘晨) or a number is informative. */
export const UNKNOWN_WORD_WEIGHT = 9;
/** A number matches by coincidence more often than a name does (15 in "iPhone 15" and in "15处"). */
export const NUMBER_WEIGHT = 5;
/** Single characters outside the table (做, 叫, 快) are mostly function words. */
export const SINGLE_CHAR_WEIGHT = 3;

/** Loads the table (a few ms from dist/, ~0.3 s from the text). Called once at start-up with the dictionary. */
export function loadWordWeights(): void {
  table ??= readWordWeightTable(idfSource(), WORD_WEIGHTS_FILE) ?? buildWordWeightTable(readFileSync(idfSource(), 'utf8'));
}

export function generalWeight(word: string): number {
  loadWordWeights();
  if (word.length > 0 && word.length < 256) {
    const weight = lookUp(table!, word);
    if (weight !== undefined) return weight;
  }
  if (/^\d+(\.\d+)?%?$/u.test(word)) return NUMBER_WEIGHT;
  return [...word].length === 1 ? SINGLE_CHAR_WEIGHT : UNKNOWN_WORD_WEIGHT;
}
