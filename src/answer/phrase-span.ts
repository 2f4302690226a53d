import type { MappedText } from '../text/mapped-text.js';
import { normalizeMapped } from '../text/normalize.js';
import { SENTENCE } from '../text/sentences.js';
import { ranges, trimmed, wordsAround } from './span-text.js';

/**
 * Answer spans that are phrases, not shapes: what a definition says after 是, and what follows
 * the question's own words before 什么. Offsets are UTF-16 units of the excerpt.
 */
/** The word that opens a definition after its subject: 是, 为, 指, 即, 简称, 意为. */
const DEFINES = /^[^。！？!?；;]{0,6}?(?:是指|是|为|指|即|简称|称为|意为|意思是|意即)/u;
const DEFINITION_END = /[。！？!?；;]/u;

/**
 * For 是什么: what follows the question's words and 是 (为, 指 …) in the sentence that holds
 * most of them, to the end of that sentence (to the end of its clause instead held fewer gold
 * answers on cmrc2018-train: 91 against 117 of 1,195).
 */
export function definitionSpan(excerpt: string, highlights: ReadonlyArray<readonly [number, number]>): [number, number] | null {
  const marks = highlights.map(([start, end]) => ({ start, end }));
  let best: [number, number] | null = null;
  let bestWords = 0;
  for (const sentence of ranges(excerpt, SENTENCE)) {
    const inside = marks.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    const words = inside.reduce((n, m) => n + m.end - m.start, 0);
    if (words <= bestWords) continue;
    const from = inside.at(-1)!.end;
    const opener = DEFINES.exec(excerpt.slice(from, sentence.end));
    if (!opener) continue;
    const start = from + opener[0].length;
    const rest = excerpt.slice(start, sentence.end);
    const stop = rest.search(DEFINITION_END);
    const end = start + (stop < 0 ? rest.length : stop);
    const span = trimmed(excerpt, { start, end });
    if (span.end > span.start) [best, bestWords] = [[span.start, span.end], words];
  }
  return best;
}

/**
 * Up to this many characters of the question before 什么 are looked for in the excerpt (3 to 6
 * held as many gold answers on cmrc2018-train), and a phrase is cut after this many
 * (20: −0.7 points there; 60 and unbounded alike).
 */
const CONTEXT = { left: 4, cap: 60 };
const WHAT = /谁|什么|哪些|哪个|哪种|哪[1一]|怎样|如何|怎么/u;
const CONTEXT_END = /[,，。；;！？!?]/u;
const COPULA_END = /[是为在叫]$/u;

/** A question asking what something is called, and the words an article names a thing with. */
const ASKS_NAME = /称之为|称为|称作|叫做?什么|叫什么|什么名字|名字是|名称|别名|别称|又称|简称|全称|俗称/u;
const NAMES = /又名|又称|也称|亦称|称为|称作|称之为|名为|简称|俗称|别名|别称|全称|通称|统称|叫做|原名/gu;

/**
 * For a question of no shape (被封为什么官职, 天敌有哪些, 是怎样形成的): what follows, in the
 * excerpt, the words the question puts just before 什么 (谁, 哪些, 怎样 …), to the end of that clause;
 * where they occur more than once, in the sentence holding most of the question's words. On
 * cmrc2018-train, 53% of these marks hold a gold answer (as many as the marks of a date do).
 * Words that end in 是, 为, 在 or 叫 lead without it too (监制是谁 where the article writes
 * 监制吴昊; not 有: its marks held a gold answer one time in ten). Where none leads, a question
 * asking what something is called (又被称为什么) gets what follows the article's 又名, 简称 ….
 */
export function contextSpan(
  excerpt: string,
  highlights: ReadonlyArray<readonly [number, number]>,
  normalized: string,
  mapped?: MappedText,
): [number, number] | null {
  const m = WHAT.exec(normalized);
  if (!m) return null;
  const { text: norm, map } = mapped ?? normalizeMapped(excerpt);
  const marks = highlights.map(([start, end]) => ({ start, end }));
  const sentences = ranges(excerpt, SENTENCE);
  // The clause after each start, the one in the sentence holding most of the question's words.
  const clauseAfter = (starts: Iterable<number>): [number, number] | null => {
    let best: [number, number] | null = null;
    let bestWords = -1;
    for (const from of starts) {
      const stop = norm.slice(from).search(CONTEXT_END);
      const to = Math.min(from + CONTEXT.cap, stop < 0 ? norm.length : from + stop);
      const span = trimmed(excerpt, { start: map[from]!, end: map[to]! });
      if (span.end <= span.start) continue;
      const words = wordsAround(span.start, sentences, marks);
      if (words > bestWords) [best, bestWords] = [[span.start, span.end], words];
    }
    return best;
  };
  for (const left of leads(normalized, m.index)) {
    // The mark starts after the article's own 是, 为 or 的 (监制为吴昊 → 吴昊) when the question's has gone.
    const skip = (at: number) => (!COPULA_END.test(left) && /[是为的]/u.test(norm[at] ?? '') ? 1 : 0);
    const starts = [...occurrences(norm, left)].map((i) => i + left.length + skip(i + left.length));
    const best = clauseAfter(starts);
    if (best) return best;
  }
  return ASKS_NAME.test(normalized) ? clauseAfter([...norm.matchAll(NAMES)].map((x) => x.index! + x[0].length)) : null;
}

/** The question's text just before its question word, longest first, with and without a final 是/为/在/叫. */
function leads(normalized: string, at: number): string[] {
  const out: string[] = [];
  for (let n = CONTEXT.left; n >= 2; n--) {
    const left = normalized.slice(Math.max(0, at - n), at).replace(/^[的了]/u, '');
    if (left.length < 2) break;
    out.push(left);
    if (COPULA_END.test(left) && left.length > 2) out.push(left.slice(0, -1));
  }
  return out;
}

function* occurrences(text: string, part: string): Generator<number> {
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) yield i;
}
