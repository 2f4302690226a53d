import type { Passage } from '../knowledge/types.js';
import { isCjkWord } from '../text/cjk.js';
import { normalize } from '../text/normalize.js';
import { isPunctuation } from '../text/stopwords.js';
import { taggedWords } from '../text/segment.js';
import { clauses, sentences } from '../text/sentences.js';
import type { Answer } from './types.js';

// 'x' is what jieba tags a userdict.txt word written without a part of speech.
const NOUN = /^(n|nr|ns|nt|nz|x)$/u;
/** Counted things: 15处 → 有多少处? */
const COUNTER = /^(处|个|项|家|座|所|条|名|位|种|批|次)$/u;
/** Amounts: only nouns that are an amount read well as "X是多少?" (蓄水量, 销售额; not 节省费用). */
const AMOUNT_NOUN = /(量|额|率|比重|面积|产值|人口|总数|规模|长度|高度|深度)$/u;
/** A phrase right after a verb or preposition is an object (可节省费用), not the subject of a question. */
const NOT_BEFORE = /^(v|p|d|c|vn)$/u;

/** The question a number in the text answers, or null when none reads as one a person would ask. */
function questionFor(tagged: Array<{ word: string; tag: string }>, i: number): string | null {
  let j = i;
  while (j > 0 && NOUN.test(tagged[j - 1]!.tag) && !isPunctuation(tagged[j - 1]!.word) && i - j < 4) j--;
  const before = tagged[j - 1];
  if (before && !isPunctuation(before.word) && (NOUN.test(before.tag) || (NOT_BEFORE.test(before.tag) && !/^(有|是)$/u.test(before.word)))) return null;
  const phrase = tagged.slice(j, i).map((t) => t.word).join('');
  if (i - j < 1 || phrase.length < 3 || !isCjkWord(phrase)) return null;
  const unit = tagged[i + 1]?.word ?? '';
  if (COUNTER.test(unit)) return `${phrase}有多少${unit}?`;
  return AMOUNT_NOUN.test(phrase) ? `${phrase}是多少?` : null;
}

/**
 * Bounds on the work, whatever the size of the knowledge: at most this many
 * passages (spread evenly over it) are looked at and this many candidate
 * questions asked, so start-up and every reload spend ~100 ms here at most.
 */
export const EXAMPLE_SEARCH = { passages: 64, answers: 40 };

/**
 * Questions a knowledge base can answer, for /start and the widget's greeting.
 * Built from the articles themselves: the noun phrase right before a number
 * (东江湖 蓄水量 81.2亿立方米 → 东江湖蓄水量是多少?, 文物保护单位 98处 →
 * 文物保护单位有多少处?), kept only when it reads as a question (an amount noun
 * or a counted thing) and the answer path really quotes that number back. One
 * per section first, so the examples show the range of what is covered.
 */
export function exampleQuestions(passages: readonly Passage[], answer: (q: string) => Answer, count = 5): string[] {
  const bySection = new Map<string, string[]>();
  const step = Math.max(1, Math.ceil(passages.length / EXAMPLE_SEARCH.passages));
  let asked = 0;
  for (let at = 0; at < passages.length && asked < EXAMPLE_SEARCH.answers; at += step) {
    const p = passages[at]!;
    for (const clause of sentences(p.text).flatMap(clauses)) {
      const tagged = taggedWords(normalize(clause));
      const i = tagged.findIndex((t) => t.tag === 'm' && /^\d/u.test(t.word));
      if (i < 1) continue;
      const question = questionFor(tagged, i);
      if (!question) continue;
      if (asked++ >= EXAMPLE_SEARCH.answers) break;
      const a = answer(question);
      if (!a.answered || !a.results[0]?.excerpt.includes(tagged[i]!.word)) continue;
      const key = p.section ?? '';
      bySection.set(key, [...(bySection.get(key) ?? []), question]);
      break;
    }
  }
  const out: string[] = [];
  for (let round = 0; out.length < count && round < 10; round++) {
    for (const qs of bySection.values()) if (qs[round] && out.length < count && !out.includes(qs[round]!)) out.push(qs[round]!);
  }
  return out;
}
