import { normalizeMapped } from '../text/normalize.js';
import { CLAUSE, SENTENCE } from '../text/sentences.js';
import { askedKind, kindSpans } from './kind-span.js';
import { contextSpan, definitionSpan } from './phrase-span.js';
import type { AnswerType } from './question-type.js';
import { overlap, ranges, trimmed, wordsAround } from './span-text.js';
import { COUNT_UNITS, typedSpans, type TextSpan } from './typed-spans.js';

/** What the answer span needs to know of the question: read once per question (`spanQuestion`), used for each result. */
export interface SpanQuestion {
  /** The normalized question: a span that restates it (its own 1990年) is not the answer. */
  normalized: string;
  type: AnswerType;
  /** The kind a question of type `other` names (球队 of 哪支球队, kind-span.ts), or ''. */
  kind: string;
}

export function spanQuestion(normalized: string, type: AnswerType): SpanQuestion {
  return { normalized, type, kind: type === 'other' ? askedKind(normalized) : '' };
}

const UNIT_AFTER_COUNT = new RegExp(`(?:多少|几)(个)?(${COUNT_UNITS.join('|')})?`, 'u');
const DATE_PARTS: Array<[RegExp, RegExp]> = [
  [/几点|开门|关门|营业时间|开放时间|什么时间/u, /[\d一二三四五六七八九十两]\s*(?:[时点]|[:：]\d)/u],
  [/几号|哪[1一]?天|几[日号]/u, /[日号]/u],
  [/几月|哪个月/u, /月/u],
  [/哪[1一]?年|年份|哪个年代|哪个世纪/u, /年|世纪/u],
];

/** What a 多高/多大/多少钱 question measures, and the units that measure it. */
const DIMENSIONS: Array<[RegExp, RegExp]> = [
  [/多少钱|票价|收费|费用|价格|售价|价钱|多少元|资金|投资|车资|成本/u, /元|块|美元|港元|港币|欧元|日元|英镑|[$￥¥€£]/u],
  [/面积|占地|多大的?(?:地方|土地)/u, /平方|公顷|亩|英亩|km2|m2/u],
  [/容量|容积|体积|蓄水量|库容|排水量/u, /立方|升|吨/u],
  [/多重|重量|体重|多少重/u, /吨|千克|公斤|克|斤|磅/u],
  [/多高|多长|多宽|多深|多厚|高度|长度|宽度|深度|海拔|身高|体长|全长|直径|半径/u, /米|公里|千米|公尺|公分|厘米|毫米|英尺|英寸|英里|海里|km|m/u],
  [/人口|多少人|几人/u, /人/u],
  [/第几/u, /第/u],
];

/**
 * The part a span should show when the question names it: 几层 → 层, 多少个居委会 → 个,
 * 哪一年 → 年, 几点 → a time of day. Null when the question does not say.
 */
function wanted(q: SpanQuestion): RegExp | null {
  if (q.type === 'date') return DATE_PARTS.find(([cue]) => cue.test(q.normalized))?.[1] ?? null;
  if (q.type !== 'number' && q.type !== 'distance' && q.type !== 'duration') return null;
  const m = UNIT_AFTER_COUNT.exec(q.normalized);
  const unit = m?.[2] ?? m?.[1];
  if (unit) return new RegExp(unit, 'u');
  return DIMENSIONS.find(([cue]) => cue.test(q.normalized))?.[1] ?? null;
}

/** A quantity with no unit (5 in 5号线), or one thing (1种, 一座): rarely what 多少 asks for. */
const WEAK = /^(?:[\d,.\-–—~～]+|[1一][^\d.,万亿千百]{0,2}(?:多|余)?)$/u;

/**
 * The span of an excerpt that most likely answers: among the spans shaped like
 * the asked-for type (a number with its unit, a date, a place, a name; see
 * typed-spans.ts) that are not words of the question, the one with the unit the
 * question names, where the question's own words before 谁/什么 lead (拜谁为师 →
 * 拜齐白石为师), in the sentence holding most of the question's words
 * (`highlights`), nearest to them. A question naming the kind it asks for (哪支球队, 哪部电影)
 * chooses the same way among names of that kind (kind-span.ts). A definition, or a question of no shape
 * (什么官职, 哪些, 怎样), gets the phrase after its words (phrase-span.ts). Each of these orders was measured on
 * cmrc2018-train (DESIGN.md, "The answer span").
 * [start, end) in UTF-16 units of `excerpt`, or null when no span fits.
 */
export function answerSpan(excerpt: string, highlights: ReadonlyArray<readonly [number, number]>, question: SpanQuestion): [number, number] | null {
  const { kind } = question;
  if (question.type === 'other' && !kind) return contextSpan(excerpt, highlights, question.normalized);
  if (question.type === 'definition') return definitionSpan(excerpt, highlights) ?? contextSpan(excerpt, highlights, question.normalized);
  const mapped = normalizeMapped(excerpt);
  const { text: norm, map } = mapped;
  const unit = wanted(question);
  const marks = highlights.map(([start, end]) => ({ start, end }));
  const sentences = ranges(excerpt, SENTENCE);
  const clauses = sentences.flatMap((x) => ranges(excerpt.slice(x.start, x.end), CLAUSE).map((c) => ({ start: x.start + c.start, end: x.start + c.end })));
  // Where the question's own words before 谁/什么 lead in the excerpt (拜谁为师 → 拜尹福为师).
  const context = contextSpan(excerpt, highlights, question.normalized, mapped);
  const led = (c: TextSpan) => (context && c.start >= context[0] && c.start < context[1] ? 1 : 0);
  let best: TextSpan | null = null;
  let bestKey: number[] = [];
  for (const s of kind ? kindSpans(kind, question.normalized, norm) : typedSpans(question.type, norm)) {
    const text = norm.slice(s.start, s.end).trim();
    if (question.normalized.includes(text)) continue;
    const c = trimmed(excerpt, { start: map[s.start]!, end: map[s.end]! });
    // A span that is itself mostly a word of the question (郴州 in 郴州市) is not the answer.
    if (c.end <= c.start || marks.some((m) => overlap(m, c) * 2 > c.end - c.start)) continue;
    const sentence = sentences.find((x) => c.start >= x.start && c.start < x.end) ?? { start: 0, end: excerpt.length };
    const inSentence = marks.filter((m) => overlap(m, sentence) > 0);
    const words = wordsAround(c.start, sentences, marks);
    const distance = Math.min(
      Infinity,
      ...(inSentence.length ? inSentence : marks).map((m) => (c.start >= m.end ? c.start - m.end : m.start >= c.end ? m.start - c.end : 0)),
    );
    const key = [unit && unit.test(text) ? 1 : 0, WEAK.test(text) ? 0 : 1, led(c), words, wordsAround(c.start, clauses, marks), -distance];
    if (!best || isBefore(bestKey, key)) [best, bestKey] = [c, key];
  }
  // No span of the shape asked for: what follows the question's words before 什么 (什么地方, 什么时候).
  return best ? [best.start, best.end] : context;
}

/** True when key `a` ranks below key `b` (compared element by element). */
function isBefore(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}
