/**
 * Measures answer quality through the product's own path: a knowledge folder
 * read by `loadKnowledge`, questions asked with `npm run ask -- --json`
 * (one line each on stdin, in a child process running the compiled `dist/`), the first excerpt scored.
 *   npm run eval:folder -- --set ../shared/eval/drcd-dev --layout paragraphs
 *       writes one .md file per passage (under the system's temp folder) and asks the set's questions
 *   npm run eval:folder -- --set ../shared/eval/drcd-dev --layout articles
 *       one .md file per article title (../shared/tools/make-article-folder.py)
 *   npm run eval:folder -- --knowledge knowledge --questions ../shared/eval/cmrc2018-dev/questions.jsonl --decline
 *       questions none of which the folder answers: all should be declined
 * --from N skips the first N questions, --max N asks only the first N (after --from); --json prints the metrics as JSON.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readQuestions, readSetRows, type EvalQuestion } from './eval-data.js';
import { folderMetrics, type AskedAnswer } from './eval-folder-metrics.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string' },
    layout: { type: 'string', default: 'paragraphs' },
    out: { type: 'string' },
    knowledge: { type: 'string' },
    questions: { type: 'string' },
    decline: { type: 'boolean', default: false },
    max: { type: 'string' },
    from: { type: 'string' },
    json: { type: 'boolean', default: false },
    dump: { type: 'string' },
  },
});

/** One .md file per passage, titled with its article: the shape of a folder of short notes. */
function writeParagraphFolder(set: string, out: string): void {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  readSetRows(set).forEach((p, i) => {
    const title = p.title || p.id;
    const body = p.text.trim().replace(/\s*\n\s*/gu, '');
    writeFileSync(path.join(out, `${String(i).padStart(5, '0')}.md`), `---\ntitle: ${JSON.stringify(title)}\n---\n\n${body}\n`);
  });
}

function writeArticleFolder(set: string, out: string): void {
  rmSync(out, { recursive: true, force: true });
  execFileSync('python3', [path.join(import.meta.dirname, '../../../shared/tools/make-article-folder.py'), set, out], { stdio: 'ignore' });
}

/** Asks every question through `src/cli/ask.ts --json`, one stdin line each, and reads one JSON line back per question. */
function askAll(knowledge: string, questions: EvalQuestion[]): Promise<AskedAnswer[]> {
  const root = path.join(import.meta.dirname, '../..');
  execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-stale'], { stdio: 'inherit' });
  const child = spawn(process.execPath, [path.join(root, 'dist/cli/ask.js'), '--json', '--knowledge', knowledge], { stdio: ['pipe', 'pipe', 'inherit'] });
  let buffer = '';
  const lines: string[] = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts.filter((l) => l.trim()));
  });
  // A question with a line break would be two questions to `ask`: keep each on one line.
  child.stdin.end(questions.map((q) => q.question.replace(/\s+/gu, ' ')).join('\n') + '\n');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`ask exited with ${code}`));
      if (lines.length !== questions.length) return reject(new Error(`asked ${questions.length} questions, got ${lines.length} answers`));
      resolve(lines.map((l) => JSON.parse(l) as AskedAnswer));
    });
  });
}

async function main(): Promise<void> {
  let knowledge: string;
  let questionsFile: string;
  if (values.set) {
    const layout = values.layout;
    if (layout !== 'paragraphs' && layout !== 'articles') throw new Error('--layout is paragraphs or articles');
    knowledge = values.out ?? path.join(os.tmpdir(), 'chuchu-eval', `${path.basename(values.set)}-${layout}`);
    if (layout === 'paragraphs') writeParagraphFolder(values.set, knowledge);
    else writeArticleFolder(values.set, knowledge);
    questionsFile = values.questions ?? path.join(values.set, 'questions.jsonl');
  } else if (values.knowledge && values.questions) {
    knowledge = values.knowledge;
    questionsFile = values.questions;
  } else {
    throw new Error('usage: eval:folder --set DIR [--layout paragraphs|articles] [--out DIR] | --knowledge DIR --questions FILE [--decline]  [--max N] [--json]');
  }
  let questions = readQuestions(questionsFile);
  if (values.decline) questions = questions.map((q) => ({ ...q, answers: [] }));
  if (values.from) questions = questions.slice(Number(values.from));
  if (values.max) questions = questions.slice(0, Number(values.max));
  const t0 = performance.now();
  const answers = await askAll(knowledge, questions);
  if (values.dump) {
    const rows = questions.map((q, i) => ({ question: q.question, answers: q.answers, first: answers[i]!.results?.[0] ?? null }));
    writeFileSync(values.dump, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  }
  const m = { knowledge, questions: questionsFile, seconds: Math.round((performance.now() - t0) / 100) / 10, ...folderMetrics(questions, answers) };
  if (values.json) console.log(JSON.stringify(m));
  else console.log(Object.entries(m).map(([k, v]) => `${k.padEnd(22)} ${v}`).join('\n'));
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
