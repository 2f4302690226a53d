import type { SearchIndex } from '../search/search-index.js';
import { normalize } from '../text/normalize.js';
import { bigrams } from '../text/terms.js';
import { analyzeQuestion } from './analyze.js';
import { retrieve } from './retrieve.js';

/** A text quotes a passage when the passage holds at least this share of the text's CJK bigrams. */
export const MIN_QUOTED_SHARE = 0.6;
/** The text's beginning searched for candidates (its words and rare bigrams find the passage it copies). */
const SEARCHED_CHARS = 200;


/**
 * The passage a text was copied from, if any: a FAQ answer a manager wrote from an
 * article (郴州是湖南的“南大门”。在区位上，郴州既是…桥头堡) quotes the paragraph
 * it came from, in other punctuation. Null when no candidate holds MIN_QUOTED_SHARE
 * of the text's CJK bigrams (text/terms.ts) (a handwritten answer).
 */
export function quotedPassage(text: string, index: SearchIndex, synonymsOf: (t: string) => string[]): number | null {
  const wanted = new Set(bigrams(normalize(text)));
  if (wanted.size === 0) return null;
  let best: { doc: number; share: number } | null = null;
  for (const { doc } of retrieve(analyzeQuestion(text.slice(0, SEARCHED_CHARS), index), index, synonymsOf)) {
    const held = new Set(bigrams(index.norms[doc]!));
    let found = 0;
    for (const b of wanted) if (held.has(b)) found++;
    const share = found / wanted.size;
    if (!best || share > best.share) best = { doc, share };
  }
  return best && best.share >= MIN_QUOTED_SHARE ? best.doc : null;
}
