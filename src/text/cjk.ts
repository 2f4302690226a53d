/** CJK ideographs: the unified block, extension A and the compatibility ideographs. */
const IDEOGRAPHS = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';

/** Runs of CJK ideographs in a text (global: use with matchAll). */
export const CJK_RUN = new RegExp(`[${IDEOGRAPHS}]+`, 'gu');

const ALL_CJK = new RegExp(`^[${IDEOGRAPHS}]+$`, 'u');

/** True when `word` is one or more CJK ideographs and nothing else. */
export function isCjkWord(word: string): boolean {
  return ALL_CJK.test(word);
}
