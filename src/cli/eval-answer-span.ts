/**
 * The answer span by question type, from the first results `npm run eval:folder -- --dump FILE`
 * wrote (what `ask --json` answered, the marked span included):
 *   npm run eval:folder -- --set ../shared/eval/cmrc2018-dev --dump /tmp/cmrc-dev.jsonl
 *   npm run eval:span -- /tmp/cmrc-dev.jsonl
 * Per answer type (question-type.ts): questions, how many first excerpts hold a gold answer,
 * how many are marked, how many marks hold a gold answer (the hit eval:folder reports as
 * answerSpanHit), how many lie inside one (a mark too short for a long gold answer), and the
 * median mark in characters. Choose span rules on cmrc2018-train, report on dev.
 */
import { readFileSync } from 'node:fs';
import { answerType } from '../answer/question-type.js';
import { normalize } from '../text/normalize.js';

interface DumpRow {
  question: string;
  answers: string[];
  first: { excerpt: string; original?: string; answer?: [number, number] | null } | null;
}

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run eval:span -- DUMP.jsonl (written by npm run eval:folder -- --dump)');
  process.exit(2);
}
const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as DumpRow);
const count = () => ({ questions: 0, inExcerpt: 0, marked: 0, hit: 0, insideGold: 0, lengths: [] as number[] });
const byType = new Map<string, ReturnType<typeof count>>();
const all = count();
for (const row of rows) {
  if (row.answers.length === 0) continue;
  const type = answerType(normalize(row.question));
  const c = byType.get(type) ?? byType.set(type, count()).get(type)!;
  for (const k of [c, all]) k.questions++;
  const first = row.first;
  if (!first) continue;
  // Offsets are in `excerpt`; answers are in the article's script, as `original` is.
  if (row.answers.some((g) => (first.original ?? first.excerpt).includes(g))) for (const k of [c, all]) k.inExcerpt++;
  if (!first.answer) continue;
  const span = first.excerpt.slice(...first.answer);
  const verbatim = first.original && first.original.length === first.excerpt.length ? first.original.slice(...first.answer) : span;
  for (const k of [c, all]) {
    k.marked++;
    k.lengths.push([...span].length);
    if (row.answers.some((g) => verbatim.includes(g))) k.hit++;
    else if (row.answers.some((g) => g.includes(verbatim))) k.insideGold++;
  }
}
const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(2)}`);
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[xs.length >> 1] : '-');
console.log(['type', 'questions', 'inExcerpt', 'marked', 'hit', 'hit%', 'insideGold', 'medianChars'].join('\t'));
for (const [type, c] of [...byType.entries(), ['all', all] as const]) {
  console.log([type, c.questions, c.inExcerpt, c.marked, c.hit, pct(c.hit, c.questions), c.insideGold, median(c.lengths)].join('\t'));
}
