import { CJK_RUN } from './cjk.js';
import { searchWords } from './segment.js';

/**
 * Overlapping CJK character bigrams (东江湖 → 东江, 江湖). They match words
 * that jieba's dictionary does not know or splits differently on the two
 * sides; a lone CJK character between non-CJK text is kept as a unigram.
 */
export function bigrams(normalized: string): string[] {
  const out: string[] = [];
  for (const [run] of normalized.matchAll(CJK_RUN)) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

/** The two token streams indexed for a normalized text. */
export interface Tokens {
  words: string[];
  bigrams: string[];
}

export function tokens(normalized: string): Tokens {
  return { words: searchWords(normalized), bigrams: bigrams(normalized) };
}
