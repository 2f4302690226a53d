/**
 * Measures how well questions about the format fixtures are answered through each
 * format, against the same articles given as clean .md (tests/fixtures/formats).
 * Used by tests/knowledge/formats-quality.test.ts and printed by `npx tsx tests/helpers/format-quality.ts`.
 */
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createEngine, type Engine } from '../../src/engine/engine.js';

export const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', 'formats');

export interface Question {
  article: string;
  question: string;
  answer: string;
}

/** Each produced file and the clean article it was made from. */
export const FORMATS = [
  { format: 'HTML, GBK news page', file: 'youcha-gbk.html', clean: 'youcha.md' },
  { format: 'HTML, Big5 news page', file: 'zhubian-big5.html', clean: 'zhubian.md' },
  { format: '.docx (pandoc)', file: 'shuidian.docx', clean: 'shuidian.md' },
  { format: 'PDF (LibreOffice export)', file: 'shuidian-writer.pdf', clean: 'shuidian.md' },
  { format: 'PDF (Chromium print)', file: 'wenquan-chromium.pdf', clean: 'wenquan.md' },
  { format: 'PDF (Chromium print of the Big5 news page, furniture included)', file: 'zhubian-news-chromium.pdf', clean: 'zhubian.md' },
  { format: '.txt, GBK news layout', file: 'qicheng-gbk.txt', clean: 'qicheng.md' },
] as const;

export const questions = (): Question[] =>
  readFileSync(path.join(FIXTURES, 'questions.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Question);

/** Questions whose answers are only in the pages' furniture (sidebars, comments, ads, captions, footers). */
export const furnitureQuestions = (): Question[] =>
  readFileSync(path.join(FIXTURES, 'furniture-questions.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Question);

/** A knowledge folder holding these files (from produced/ or clean/). */
export function folderOf(files: Array<{ from: 'produced' | 'clean'; name: string }>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'chuchu-formats-'));
  for (const f of files) copyFileSync(path.join(FIXTURES, f.from, f.name), path.join(dir, f.name));
  return dir;
}

/** A hit: answered, the right article first, and its excerpt holds the answer. */
export function hit(engine: Engine, q: Question): boolean {
  const a = engine.answer(q.question);
  const top = a.results[0];
  return a.answered && top !== undefined && top.article === q.article && top.excerpt.includes(q.answer);
}

export async function hits(dir: string, qs: Question[]): Promise<number> {
  const engine = await createEngine({ knowledgeDir: dir, answerCacheSize: 0 });
  return qs.filter((q) => hit(engine, q)).length;
}

/** Per format: hits through the format (the other articles as clean .md beside it) and through its clean .md. */
export async function measure(): Promise<Array<{ format: string; questions: number; formatHits: number; cleanHits: number }>> {
  const all = questions();
  const cleanNames = [...new Set(FORMATS.map((f) => f.clean))];
  const cleanDir = folderOf(cleanNames.map((name) => ({ from: 'clean', name })));
  const cleanEngine = await createEngine({ knowledgeDir: cleanDir, answerCacheSize: 0 });
  const rows = [];
  for (const f of FORMATS) {
    const dir = folderOf([{ from: 'produced', name: f.file }, ...cleanNames.filter((n) => n !== f.clean).map((name) => ({ from: 'clean' as const, name }))]);
    const engine = await createEngine({ knowledgeDir: dir, answerCacheSize: 0 });
    const title = engine.articles().find((a) => a.file === f.file)?.title;
    const qs = all.filter((q) => q.article === title);
    rows.push({ format: f.format, questions: qs.length, formatHits: qs.filter((q) => hit(engine, q)).length, cleanHits: qs.filter((q) => hit(cleanEngine, q)).length });
  }
  return rows;
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const rows = await measure();
  console.log('| format | questions | hits (format) | hits (clean .md) | ratio |\n|---|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.format} | ${r.questions} | ${r.formatHits} | ${r.cleanHits} | ${(r.formatHits / r.cleanHits).toFixed(2)} |`);
  const f = rows.reduce((n, r) => n + r.formatHits, 0);
  const c = rows.reduce((n, r) => n + r.cleanHits, 0);
  console.log(`| overall | ${rows.reduce((n, r) => n + r.questions, 0)} | ${f} | ${c} | ${(f / c).toFixed(2)} |`);
}
