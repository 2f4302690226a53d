import { normalize } from '../text/normalize.js';
import { COMMON_SYNONYMS } from './common-synonyms.js';
import { REGIONAL_WORDS } from '../text/regional-words.js';

/**
 * Synonym groups (大湾区 粤港澳大湾区 湾区) as a map from each word to the
 * group's first word. Both index and query terms are replaced by that
 * canonical word, so a synonym matches at no extra query cost.
 */
export interface Synonyms {
  canonical(term: string): string;
  /** All words of the term's group (the term alone when it has none). */
  group(term: string): string[];
}

export function createSynonyms(groups: string[][]): Synonyms {
  const byWord = new Map<string, string[]>();
  // The knowledge base's own groups first: a word it places elsewhere stays there. Then the
  // common synonyms, then the words Taiwan and Hong Kong write for mainland ones (計程車, 網路).
  for (const raw of [...groups, ...COMMON_SYNONYMS, ...REGIONAL_WORDS]) {
    const group = [...new Set(raw.map((w) => normalize(w)))];
    for (const w of group) if (!byWord.has(w)) byWord.set(w, group);
  }
  return {
    canonical: (term) => byWord.get(term)?.[0] ?? term,
    group: (term) => byWord.get(term) ?? [term],
  };
}
