/**
 * The floors the product is measured against (issue 12), each in a fresh process, one JSON line:
 *   node bench/floors.mjs segment --knowledge DIR     read every .md and jieba-segment each paragraph once
 *   node bench/floors.mjs bare [--keyword-stubs]      nodejieba's dictionary + a fastify listen (prints "ready <url>");
 *                                                   --keyword-stubs: loaded as the product loads it (src/text/segment.ts)
 *   node bench/floors.mjs naive --knowledge DIR --questions FILE [--max N]
 *                                                   a naive jieba + MiniSearch script: per-question ms
 * Times are from the start of the process (`performance.now()` is since process start). Plain JavaScript,
 * as the product runs compiled: no TypeScript loader in the floor.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import MiniSearch from 'minisearch';
import nodejieba from 'nodejieba';

const summarize = (ms) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  return { mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length), p50: at(0.5), p99: at(0.99), max: s.at(-1) ?? 0 };
};

const { values, positionals } = parseArgs({
  options: { 'keyword-stubs': { type: 'boolean' }, knowledge: { type: 'string' }, questions: { type: 'string' }, max: { type: 'string', default: '300' } },
  allowPositionals: true,
});
const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

function paragraphsOf(dir) {
  const out = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
    const body = readFileSync(path.join(dir, f), 'utf8').replace(/^---[\s\S]*?---\n/u, '');
    for (const p of body.split(/\n\s*\n/u)) if (p.trim()) out.push(p.trim());
  }
  return out;
}

const mode = positionals[0];
if (mode === 'segment') {
  nodejieba.load();
  let words = 0;
  for (const p of paragraphsOf(values.knowledge)) words += nodejieba.cut(p, true).length;
  console.log(JSON.stringify({ ms: Math.round(performance.now()), words, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
} else if (mode === 'bare') {
  const stub = (name) => fileURLToPath(new URL(`../src/text/${name}`, import.meta.url));
  nodejieba.load(values['keyword-stubs'] ? { idfDict: stub('keyword-idf-stub.utf8'), stopWordDict: stub('keyword-stop-words-stub.utf8') } : undefined);
  const app = Fastify();
  app.get('/api/health', async () => ({ status: 'ok' }));
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  console.log(`ready ${url} ${JSON.stringify({ ms: Math.round(performance.now()), rssMb: rssMb() })}`);
} else if (mode === 'naive') {
  nodejieba.load();
  const paragraphs = paragraphsOf(values.knowledge);
  const mini = new MiniSearch({ fields: ['text'], tokenize: (t) => nodejieba.cut(t, true) });
  mini.addAll(paragraphs.map((text, id) => ({ id, text })));
  const questions = readFileSync(values.questions, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).slice(0, Number(values.max));
  for (const q of questions.slice(0, 20)) mini.search(q.question);
  const ms = questions.map((q) => {
    const t0 = performance.now();
    const top = mini.search(q.question)[0];
    void (top && paragraphs[top.id].slice(0, 120));
    return performance.now() - t0;
  });
  console.log(JSON.stringify({ questions: ms.length, latency: summarize(ms) }));
} else {
  throw new Error('usage: floors.ts segment|bare|naive …');
}
