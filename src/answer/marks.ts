/**
 * How an excerpt is marked up, for every channel alike (Telegram, the widget): the question's words
 * (`highlights`) and the span that most likely answers (`answer`). Ranges come
 * from the engine, but are checked here (integers, inside the excerpt, in
 * order, not overlapping) so a bad one is skipped and never garbles the quote.
 * Where a word of the question lies inside the answer, the answer wins.
 */
export interface MarkedPiece {
  text: string;
  mark: 'term' | 'answer' | null;
}

const valid = (r: readonly [number, number] | null | undefined, length: number): r is readonly [number, number] =>
  !!r && Number.isInteger(r[0]) && Number.isInteger(r[1]) && r[0] >= 0 && r[1] > r[0] && r[1] <= length;

/** The excerpt cut into plain, question-word and answer pieces, in order; joined, they give the excerpt back. */
export function markedPieces(
  excerpt: string,
  highlights: ReadonlyArray<readonly [number, number]>,
  answer?: readonly [number, number] | null,
): MarkedPiece[] {
  const ranges: Array<{ start: number; end: number; mark: 'term' | 'answer' }> = [];
  const a = valid(answer, excerpt.length) ? { start: answer[0], end: answer[1], mark: 'answer' as const } : null;
  if (a) ranges.push(a);
  for (const h of highlights) {
    if (!valid(h, excerpt.length)) continue;
    let [start, end] = h;
    if (a && start < a.end && end > a.start) {
      // Keep only the part of the word outside the answer (the longer side).
      if (a.start - start >= end - a.end) end = a.start;
      else start = a.end;
    }
    if (end > start) ranges.push({ start, end, mark: 'term' });
  }
  ranges.sort((x, y) => x.start - y.start);
  const out: MarkedPiece[] = [];
  let pos = 0;
  for (const r of ranges) {
    if (r.start < pos) continue;
    if (r.start > pos) out.push({ text: excerpt.slice(pos, r.start), mark: null });
    out.push({ text: excerpt.slice(r.start, r.end), mark: r.mark });
    pos = r.end;
  }
  if (pos < excerpt.length) out.push({ text: excerpt.slice(pos), mark: null });
  return out;
}
