import type { EvalQuestion } from './eval-data.js';

/** What `npm run ask -- --json` prints for one question (the fields scored here). */
export interface AskedAnswer {
  answered?: boolean;
  error?: string;
  results?: Array<{ excerpt: string; original?: string; answer?: [number, number] | null }>;
}

const pct = (n: number, d: number) => (d === 0 ? null : Math.round((10000 * n) / d) / 100);

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * excerpt-hit@1 (a gold answer inside the first excerpt), answered and
 * declined rates, the median first excerpt in characters, and how often the
 * marked answer span of the first result contains a gold answer (and its median length).
 */
export function folderMetrics(questions: EvalQuestion[], answers: AskedAnswer[]) {
  let answerable = 0;
  let hits = 0;
  let answered = 0;
  let unanswerable = 0;
  let declined = 0;
  let spanHits = 0;
  const lengths: number[] = [];
  const spanLengths: number[] = [];
  questions.forEach((q, i) => {
    const a = answers[i]!;
    const first = a.answered ? a.results?.[0] : undefined;
    // The verbatim quote (`original`, set when the excerpt is shown in the asker's other script): answers are in the article's script.
    const quote = first ? (first.original ?? first.excerpt) : '';
    if (first) lengths.push([...quote].length);
    const span = first?.answer ? quote.slice(first.answer[0], first.answer[1]) : '';
    if (span) spanLengths.push([...span].length);
    if (q.answers.length === 0) {
      unanswerable++;
      if (!a.answered) declined++;
      return;
    }
    answerable++;
    if (first) answered++;
    if (first && q.answers.some((g) => quote.includes(g))) hits++;
    if (span && q.answers.some((g) => span.includes(g))) spanHits++;
  });
  return {
    excerptHitAt1: pct(hits, answerable),
    answerSpanHit: pct(spanHits, answerable),
    answered: pct(answered, answerable),
    declined: pct(declined, unanswerable),
    medianExcerptChars: median(lengths),
    medianSpanChars: median(spanLengths),
  };
}
