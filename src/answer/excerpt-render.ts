/**
 * An excerpt as shown: the chosen windows of a passage, `…` where text is left out, and the
 * question's terms inside it as highlight ranges (offsets into the excerpt).
 */
import type { WeightedTerm } from './sentence-model.js';

const ELLIPSIS = '…';

export interface Excerpt {
  excerpt: string;
  highlights: Array<[number, number]>;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Renders windows (in order, apart) of `text`; `norm` and `map` are its normalized form and the
 * map back to its offsets, `toNorm` the map forward, `whole` the passage without its outer blanks.
 */
export function renderExcerpt(
  text: string,
  norm: string,
  map: number[],
  toNorm: number[],
  windows: Span[],
  whole: Span,
  terms: WeightedTerm[],
): Excerpt {
  let out = '';
  let last = whole.start;
  const ranges: Array<[number, number]> = [];
  for (const window of windows) {
    let { start, end } = window;
    // Do not leave half a surrogate pair at either edge.
    if (/[\udc00-\udfff]/u.test(text[start] ?? '')) start++;
    if (/[\ud800-\udbff]/u.test(text[end - 1] ?? '')) end--;
    if (start > last) out += ELLIPSIS;
    let body = text.slice(start, end);
    // A cut after a clause ends in …, not in ",…".
    if (end < whole.end) body = body.replace(/[,，、：:;；\s]+$/u, '');
    const bodyEnd = start + body.length;
    const from = toNorm[start]!;
    const segment = norm.slice(from, toNorm[bodyEnd]!);
    for (const { term } of terms) {
      if (term.length < 2 && !/\d/u.test(term)) continue;
      for (let i = segment.indexOf(term); i >= 0; i = segment.indexOf(term, i + 1)) {
        const a = map[from + i]! - start;
        const b = Math.min(map[from + i + term.length]!, bodyEnd) - start;
        if (b > a) ranges.push([a + out.length, b + out.length]);
      }
    }
    out += body;
    last = end;
  }
  if (last < whole.end) out += ELLIPSIS;
  return { excerpt: out, highlights: mergeRanges(ranges) };
}

export function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
