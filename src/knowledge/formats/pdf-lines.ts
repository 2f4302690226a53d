/** Text lines of a PDF page, rebuilt from pdf.js text items (which may be single characters). */
export interface Line {
  text: string;
  x0: number;
  x1: number;
  /** Baseline, from the bottom of the page (PDF user space). */
  y: number;
  /** Font size. */
  size: number;
  page: number;
}

export interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

const LATIN_END = /[A-Za-z0-9,.;:!?%)]$/u;
const LATIN_START = /^[A-Za-z0-9(]/u;

/** Groups a page's text items into lines, top to bottom; items on one baseline join without spaces between CJK. */
export function pageLines(items: TextItemLike[], page: number): Line[] {
  const glyphs = items
    .filter((i) => i.str.trim() !== '')
    .map((i) => ({ str: i.str, x: i.transform[4]!, y: i.transform[5]!, w: i.width, size: Math.hypot(i.transform[2]!, i.transform[3]!) || i.height }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  let current: (typeof glyphs)[number][] = [];
  const flush = () => {
    if (current.length === 0) return;
    current.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const g of current) {
      const gap = g.x - end;
      // A word space between Latin words, or a wide gap (an ideographic space) anywhere.
      if (text && (gap > 0.8 * g.size || (gap > 0.25 * g.size && LATIN_END.test(text) && LATIN_START.test(g.str)))) text += ' ';
      text += g.str;
      end = g.x + g.w;
    }
    const size = current.map((g) => g.size).sort((a, b) => a - b)[Math.floor(current.length / 2)]!;
    lines.push({ text: text.replace(/\s+/gu, ' ').trim(), x0: current[0]!.x, x1: end, y: current[0]!.y, size, page });
    current = [];
  };
  for (const g of glyphs) {
    const head = current[0];
    if (head && Math.abs(head.y - g.y) > 0.5 * Math.min(head.size, g.size)) flush();
    current.push(g);
  }
  flush();
  return lines.filter((l) => l.text !== '');
}

/** Page numbers as printed: `3`, `- 3 -`, `3/12`, `第3页`, `第 3 页 共 12 页`, `Page 3 of 12`. */
const PAGE_NUMBER = /^(-\s*\d+\s*-|\d+(\s*[/／]\s*\d+)?|第\s*\d+\s*页(\s*[,，]?\s*共\s*\d+\s*页)?|page\s*\d+(\s*of\s*\d+)?)$/iu;
/** A line at the top or bottom of a page within this share of its height is a running header or footer candidate. */
const EDGE = 0.08;

/**
 * Drops running headers and footers: lines in the top or bottom margin that are page
 * numbers, or that repeat (digits aside) on other pages, or are a date or an address.
 */
export function dropRunningLines(pages: Line[][], heights: number[]): Line[][] {
  const key = (l: Line) => l.text.replace(/\d+/gu, '#');
  const atEdge = (l: Line) => l.y > heights[l.page - 1]! * (1 - EDGE) || l.y < heights[l.page - 1]! * EDGE;
  const seen = new Map<string, number>();
  for (const lines of pages) for (const k of new Set(lines.filter(atEdge).map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  return pages.map((lines) =>
    lines.filter((l) => {
      if (!atEdge(l)) return true;
      if (PAGE_NUMBER.test(l.text)) return false;
      if ((seen.get(key(l)) ?? 0) > 1) return false;
      return !/^(https?:\/\/\S+|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}.*)$/iu.test(l.text);
    }),
  );
}
