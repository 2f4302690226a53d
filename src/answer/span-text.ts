/** Small range helpers the answer span shares (answer-span.ts, phrase-span.ts). */
import type { TextSpan } from './typed-spans.js';

/** Sentences (or clauses) of the excerpt as [start, end) ranges. */
export function ranges(text: string, pattern: RegExp): TextSpan[] {
  const out: TextSpan[] = [];
  for (const m of text.matchAll(pattern)) if (m[0].length > 0) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

/** How many characters of the question's words lie in the range around `at`. */
export function wordsAround(at: number, parts: TextSpan[], marks: TextSpan[]): number {
  const part = parts.find((x) => at >= x.start && at < x.end);
  return part ? marks.reduce((n, m) => n + overlap(m, part), 0) : 0;
}

export const overlap = (a: TextSpan, b: TextSpan) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** Without the spaces a pattern may have taken at either edge. */
export function trimmed(text: string, s: TextSpan): TextSpan {
  let { start, end } = s;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}
