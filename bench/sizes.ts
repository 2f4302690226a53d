/**
 * npm run bench [-- --scales 1,10 --questions 300 --shipped-runs 3]   (--scales 0: the shipped row only)
 * Issue 12's table, in one run, as ratios to floors measured in the same run:
 *   build        `npm run build-index` on cmrc2018-dev ×N as .md articles (50 paragraphs each):
 *                wall time and peak RSS, against reading the files and jieba-segmenting every paragraph once;
 *   cached start `node dist/main.js` on the built cache: time to the ready line and RSS, against a bare
 *                start (nodejieba's dictionary + a fastify listen);
 *   per question POST /api/ask, the cmrc questions one after another (p50/p99), against a naive
 *                jieba + MiniSearch script (in process, so the ratio includes HTTP);
 *   CLI          `ask --json --knowledge` per question (N questions minus one, start-up subtracted);
 *   reload       the longest /api/health wait while POST /api/admin/reload rebuilds (a file changed);
 *   crossing     (×1) answer() through the worker thread against the engine in place (bench/crossing.ts).
 * Plus the shipped knowledge's cached start against the same bare floor, bare and product alternating
 * `--shipped-runs` times (medians; RSS read at the ready line). Needs `npm run build` (run first).
 * Every server listens on 127.0.0.1; every loop is bounded in count and time.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CMRC_DIR, cmrcQuestions, replicatedCorpus, summarize } from './corpus.js';

const { values } = parseArgs({ options: { scales: { type: 'string', default: '1,10' }, questions: { type: 'string', default: '300' }, 'shipped-runs': { type: 'string', default: '3' } } });
const NODE = process.execPath;
const TOKEN = 'bench-admin-token-0123456789';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'chuchu-bench-'));
const children = new Set<ChildProcess>();
// A failed step must not leave a server running.
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
});
const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '–');
const x = (a: number, b: number) => `${f(a / b, 2)}×`;

spawnSync(NODE, ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });

/** cmrc ×scale as a folder of .md articles of 50 paragraphs. */
function articleFolder(scale: number): string {
  const dir = path.join(tmp, `cmrc-x${scale}`);
  mkdirSync(dir, { recursive: true });
  const { passages } = replicatedCorpus(scale);
  for (let i = 0; i < passages.length; i += 50) {
    const body = passages.slice(i, i + 50).map((p) => p.text.replace(/\s*\n\s*/gu, ''));
    writeFileSync(path.join(dir, `a${String(i / 50).padStart(5, '0')}.md`), `---\ntitle: 文章${i / 50}\n---\n\n${body.join('\n\n')}\n`);
  }
  return dir;
}

function json<T>(args: string[]): T {
  const r = spawnSync(NODE, args, { encoding: 'utf8', maxBuffer: 1 << 24, timeout: 30 * 60_000 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as T;
}

/** Wall time and peak RSS of a command (GNU time). */
function timed(args: string[], env: NodeJS.ProcessEnv): { s: number; maxRssMb: number } {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', NODE, ...args], { encoding: 'utf8', env, timeout: 60 * 60_000 });
  const m = /TIME ([\d.]+) (\d+)/u.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  return { s: Number(m[1]), maxRssMb: Math.round(Number(m[2]) / 1024) };
}

const rssOf = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024);

/** Spawns a server and resolves with its URL and start time once `ready` matches its output. */
function start(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: ChildProcess; url: string; ms: number; rssMb: number; output: () => string }> {
  const t0 = performance.now();
  const child = spawn(NODE, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`not ready in 20 min: ${out.slice(-2000)}`))), 20 * 60_000);
    const onData = (d: Buffer) => {
      out += String(d);
      const m = ready.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.stdout!.on('data', (more: Buffer) => (out = (out + String(more)).slice(-20_000)));
      resolve({ child, url: m[1]!.replace(/\/$/u, ''), ms: performance.now() - t0, rssMb: rssOf(child.pid!), output: () => out });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (out += String(d)));
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out.slice(-2000)}`)));
  });
}

const stop = (child: ChildProcess) => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM')));

/**
 * One request, timed. A keep-alive connection the server closed while idle (the floors run for
 * minutes between steps) fails at once on reuse: that attempt is retried once on a new connection.
 */
async function timedFetch(url: string, init?: RequestInit, retry = true): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  try {
    const r = await fetch(url, { ...init, signal: AbortSignal.timeout(120_000) });
    await r.arrayBuffer();
    return { ms: performance.now() - t0, status: r.status };
  } catch (err) {
    if (!retry || (err as Error).name === 'TimeoutError') throw err;
    return timedFetch(url, init, false);
  }
}

const bare = () => start(['bench/floors.mjs', 'bare'], process.env, /ready (http:\/\/\S+)/u);
const serverEnv = (knowledge: string, data: string): NodeJS.ProcessEnv => ({
  ...process.env, HOST: '127.0.0.1', PORT: '0', KNOWLEDGE_DIR: knowledge, DATA_DIR: data, BOT_TOKEN: '', ADMIN_TOKEN: TOKEN,
  RATE_LIMIT_PER_MINUTE: '100000', LOG_LEVEL: 'info',
});
const product = (knowledge: string, data: string) => start(['dist/main.js'], serverEnv(knowledge, data), /chuchu ready:.*?web demo at (http:\/\/\S+?)\/?;/u);

const all = cmrcQuestions().map((q) => q.question);
const questions = all.slice(0, Number(values.questions));
// Warm-up questions are others than the measured ones (the server caches answers).
const warmUp = all.slice(-20);
const rows: string[] = [];
const row = (r: string) => {
  rows.push(r);
  process.stderr.write(`${r}\n`);
};

// The shipped knowledge: a second (warm) start against the bare floor, alternating, medians.
{
  const data = path.join(tmp, 'shipped-data');
  spawnSync(NODE, ['dist/cli/build-index.js', '--knowledge', 'knowledge', '--data', data], { env: process.env });
  const bareRuns: { ms: number; rssMb: number }[] = [];
  const productRuns: { ms: number; rssMb: number }[] = [];
  for (let i = 0; i < Math.max(1, Number(values['shipped-runs'])); i++) {
    const b = await bare();
    await stop(b.child);
    bareRuns.push(b);
    const p = await product('knowledge', data);
    await stop(p.child);
    productRuns.push(p);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const [bMs, bRss, pMs, pRss] = [median(bareRuns.map((r) => r.ms)), median(bareRuns.map((r) => r.rssMb)), median(productRuns.map((r) => r.ms)), median(productRuns.map((r) => r.rssMb))];
  const runs = productRuns.length > 1 ? ` (median of ${productRuns.length}: product ${productRuns.map((r) => r.rssMb).join('/')} MB, bare ${bareRuns.map((r) => r.rssMb).join('/')} MB)` : '';
  row(`| shipped (34 passages) | cached start${runs} | ${f(pMs / 1000)} s, ${pRss} MB | ${f(bMs / 1000)} s, ${bRss} MB | ${x(pMs, bMs)}, +${pRss - bRss} MB |`);
}

for (const scale of values.scales.split(',').map(Number).filter((n) => n > 0)) {
  process.stderr.write(`×${scale}: writing the folder…\n`);
  const dir = articleFolder(scale);
  const data = path.join(tmp, `data-x${scale}`);
  const label = `cmrc ×${scale}`;
  const seg = json<{ ms: number; maxRssMb: number }>(['bench/floors.mjs', 'segment', '--knowledge', dir]);
  process.stderr.write(`×${scale}: build-index…\n`);
  const build = timed(['dist/cli/build-index.js', '--knowledge', dir, '--data', data], process.env);
  row(`| ${label} | build-index | ${f(build.s)} s, peak ${build.maxRssMb} MB | ${f(seg.ms / 1000)} s (read + segment) | ${x(build.s * 1000, seg.ms)} |`);
  const b = await bare();
  await stop(b.child);
  process.stderr.write(`×${scale}: cached start…\n`);
  const p = await product(dir, data);
  row(`| ${label} | cached start | ${f(p.ms / 1000)} s, ${p.rssMb} MB | ${f(b.ms / 1000)} s, ${b.rssMb} MB (bare) | ${x(p.ms, b.ms)}, RSS ${x(p.rssMb, b.rssMb)} |`);
  for (const q of warmUp) await timedFetch(`${p.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: q }) });
  const asked: number[] = [];
  for (const q of questions) {
    const r = await timedFetch(`${p.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: q }) });
    if (r.status !== 200) throw new Error(`/api/ask ${r.status}`);
    asked.push(r.ms);
  }
  const naive = json<{ latency: { p50: number; p99: number; mean: number } }>(['bench/floors.mjs', 'naive', '--knowledge', dir, '--questions', path.join(CMRC_DIR, 'questions.jsonl'), '--max', values.questions]);
  const a = summarize(asked);
  row(`| ${label} | /api/ask p50 / p99 | ${f(a.p50, 2)} / ${f(a.p99, 2)} ms | ${f(naive.latency.p50, 2)} / ${f(naive.latency.p99, 2)} ms (naive, in process) | ${x(a.p50, naive.latency.p50)} / ${x(a.p99, naive.latency.p99)} |`);
  // Reload: a changed file, so the new worker rebuilds; /api/health polled one request after another meanwhile.
  process.stderr.write(`×${scale}: reload…\n`);
  appendFileSync(path.join(dir, 'a00000.md'), '\n新增的段落：郴州的温泉资源丰富。\n');
  await timedFetch(`${p.url}/api/health`);
  const t0 = performance.now();
  let done = false;
  // Not retried: a second POST would queue a second rebuild (and hide a connection the server closed).
  const reload = timedFetch(`${p.url}/api/admin/reload`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` } }, false)
    .catch((err: Error) => ({ ms: NaN, status: 0, error: err }))
    .finally(() => (done = true));
  const waits: number[] = [];
  let failed = 0;
  for (let i = 0; i < 100_000 && !done; i++) {
    try {
      waits.push((await timedFetch(`${p.url}/api/health`)).ms);
    } catch {
      failed++;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const r = await reload;
  if (r.status !== 200 || failed) process.stderr.write(`reload: status ${r.status}, ${failed} failed health requests; server output:\n${p.output().slice(-4000)}\n`);
  row(`| ${label} | reload (${f((performance.now() - t0) / 1000)} s, ${r.status}) | longest /api/health wait ${f(Math.max(...waits), 0)} ms over ${waits.length} requests${failed ? `, ${failed} failed` : ''} | – | – |`);
  await stop(p.child);
  // The CLI: one process, the questions on stdin, one JSON line out per question. Per question = the time
  // from the first answer line to the last over N − 1 (start-up, and the first question's JIT, left out).
  const perQuestion = await new Promise<number>((resolve, reject) => {
    const child = spawn(NODE, ['dist/cli/ask.js', '--json', '--knowledge', dir], { env: { ...process.env, DATA_DIR: data }, stdio: ['pipe', 'pipe', 'inherit'] });
    let lines = 0;
    let first = 0;
    let last = 0;
    child.stdout.on('data', (d: Buffer) => {
      const now = performance.now();
      lines += String(d).split('\n').length - 1;
      if (!first) first = now;
      last = now;
    });
    child.once('exit', (code) => (code === 0 && lines === questions.length ? resolve((last - first) / (questions.length - 1)) : reject(new Error(`ask exited ${code} after ${lines} lines`))));
    child.stdin.end(questions.join('\n') + '\n');
  });
  row(`| ${label} | CLI per question | ${f(perQuestion, 2)} ms | ${f(naive.latency.mean, 2)} ms (naive mean) | ${x(perQuestion, naive.latency.mean)} |`);
  if (scale === 1) {
    // The thread crossing, engine against engine (no HTTP, no answer cache), in one process.
    const c = json<{ inPlace: { mean: number; p50: number }; worker: { mean: number; p50: number }; crossingMs: { mean: number; p50: number } }>(
      ['--import', 'tsx', 'bench/crossing.ts', '--knowledge', dir, '--questions', values.questions],
    );
    row(`| ${label} | worker crossing per question | ${f(c.worker.mean, 3)} ms mean, ${f(c.worker.p50, 3)} p50 | ${f(c.inPlace.mean, 3)} / ${f(c.inPlace.p50, 3)} ms in place | +${f(c.crossingMs.mean, 3)} ms mean |`);
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
}

console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
console.log('| corpus | what | chuchu | floor (same run) | ratio |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(r);
