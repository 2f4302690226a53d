import { fileURLToPath } from 'node:url';
import nodejieba from 'nodejieba';
import { REGIONAL_NEW_WORDS } from './regional-words.js';
import { isStopWord } from './stopwords.js';

let loaded = false;

/**
 * nodejieba's `load` also builds its keyword extractors (`extract`, `textRankExtract`), which
 * read jieba's 259k-word IDF table and its stop-word list into C++ maps. chuchu never calls them
 * (its word weights are word-weights.ts), so they get a one-line table and list instead: ~20 MB
 * less on the main thread, ~40 MB less in a worker thread (less for glibc to keep in the thread's
 * arena), and ~0.1 s less. Segmentation and tagging read neither (tests/text/segment.test.ts).
 */
export const KEYWORD_STUBS = {
  idfDict: fileURLToPath(new URL('./keyword-idf-stub.utf8', import.meta.url)),
  stopWordDict: fileURLToPath(new URL('./keyword-stop-words-stub.utf8', import.meta.url)),
};

/**
 * Loads jieba's dictionary (about 0.9 s). Call once at start-up so that no
 * question pays for it; later calls do nothing.
 */
export function loadDictionary(): void {
  if (loaded) return;
  nodejieba.load(KEYWORD_STUBS);
  // Words Taiwan and Hong Kong write that jieba does not know (智慧财产权), so they are cut whole and match as synonyms.
  for (const word of REGIONAL_NEW_WORDS) nodejieba.insertWord(word, 'n');
  loaded = true;
}

/**
 * Adds words to jieba's dictionary (a knowledge base's userdict.txt). Words are
 * only ever added: jieba has no removal, so a word deleted from the file stays
 * known until restart, which only makes segmentation finer, never wrong.
 */
export function addWords(words: Iterable<{ word: string; tag?: string }>): void {
  loadDictionary();
  // nodejieba tags a word inserted without a tag 'x'.
  for (const { word, tag } of words) nodejieba.insertWord(word, tag ?? 'x');
}

/**
 * Search-mode segmentation of normalized text: long words are also cut into
 * their dictionary sub-words (粤港澳大湾区 → 粤港澳, 大湾区, 粤港澳大湾区).
 * HMM on, so numbers such as 81.2 and 126 stay whole. Stop words and
 * punctuation are dropped.
 */
export function searchWords(normalized: string): string[] {
  loadDictionary();
  const out: string[] = [];
  // Stop words are dropped as whole words first, so the parts of a question
  // phrase (时间 in 多长时间) do not come back as content.
  for (const word of nodejieba.cut(normalized, true)) {
    const w = word.trim();
    if (w === '' || isStopWord(w)) continue;
    if (w.length > 2) {
      const parts = nodejieba.cutForSearch(w, true).filter((part) => part !== w && !isStopWord(part));
      const name = nameBeforeParticle(w);
      out.push(...parts, ...(name && !parts.includes(name) ? [name] : []));
    }
    out.push(w);
  }
  return out;
}

/** Characters that jieba's HMM glues to the end of a name it does not know (狄托于, 查普曼在). */
const TRAILING_PARTICLE = /^(.{2,})[于在的是被将把向从与和同跟及]$/u;

/**
 * The name inside a word jieba's HMM made up of an unknown name and the particle after it
 * (狄托 of 狄托于): the dictionary alone cuts such a word into pieces, which a word it knows
 * (去世, 爆发) is not. Undefined for any other word.
 */
function nameBeforeParticle(word: string): string | undefined {
  const m = TRAILING_PARTICLE.exec(word);
  if (!m || !/^\p{Script=Han}+$/u.test(word)) return undefined;
  return nodejieba.cut(word, false).length > 1 ? m[1] : undefined;
}

/** Precise-mode segmentation with part-of-speech tags (`n`, `ns`, `m` for numbers, …). */
export function taggedWords(normalized: string): Array<{ word: string; tag: string }> {
  loadDictionary();
  return nodejieba.tag(normalized);
}

/** Precise-mode segmentation (each character in exactly one word), stop words kept. */
export function words(normalized: string): string[] {
  loadDictionary();
  return nodejieba.cut(normalized, true);
}
