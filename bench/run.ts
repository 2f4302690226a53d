/**
 * npm run bench [-- --scales 1,10,50 --runs 3 --seconds 10 --skip-engine --skip-http --skip-records --questions N]
 * Engine figures per scale (each in a fresh process), then /api/ask under autocannon against the
 * shipped knowledge and the cmrc ×10 corpus, beside a trivial fastify route. Prints markdown tables.
 * Everything runs on 127.0.0.1; every loop is bounded by the options.
 */
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { SEED_QUESTIONS, CMRC_DIR } from './corpus.js';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10,50' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10,100' },
    questions: { type: 'string' },
    'http-scale': { type: 'string', default: '10' },
    'skip-engine': { type: 'boolean', default: false },
    'skip-http': { type: 'boolean', default: false },
    'skip-records': { type: 'boolean', default: false },
  },
});
const TSX = ['--import', 'tsx'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '–');

function runJson<T>(args: string[]): T {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as T;
}

interface EngineRow {
  scale: number; passages: number; dictionaryMs: number; buildMs: number; heapMb: number; rssMb: number; rssIndexMb: number;
  cacheBytes: number; keyMs: number; cacheWriteMs: number; cacheLoadMs: number; questions: number;
  latency: { mean: number; p50: number; p99: number; max: number };
}

function engineBench(): void {
  const rows: EngineRow[] = [];
  for (const scale of values.scales.split(',').map(Number)) {
    process.stderr.write(`engine ×${scale}…\n`);
    const q = values.questions ? ['--questions', values.questions] : [];
    // The disk cache is measured at ×1 only: at ×10 its JSON nears V8's 512 MB string limit
    // and writing it takes minutes (BENCHMARKS.md).
    const skipCache = scale > 1 ? ['--skip-cache'] : [];
    rows.push(runJson<EngineRow>(['--expose-gc', '--max-old-space-size=12288', ...TSX, 'bench/engine.ts', '--scale', String(scale), ...q, ...skipCache]));
    process.stderr.write(`  ${JSON.stringify(rows.at(-1))}\n`);
  }
  const first = rows[0]!;
  console.log('\n### Engine (one process per scale; latency = one question through `answer`)\n');
  console.log('| corpus | passages | build s | heap MB | RSS MB | cache MB | cache write s | cache load s | mean ms | p50 ms | p99 ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| cmrc ×${r.scale} | ${r.passages} | ${f(r.buildMs / 1000, 1)} | ${r.heapMb} | ${r.rssMb} | ${f(r.cacheBytes / 1e6, 1)} | ${f(r.cacheWriteMs / 1000, 1)} | ${f(r.cacheLoadMs / 1000, 1)} | ${f(r.latency.mean, 2)} | ${f(r.latency.p50, 2)} | ${f(r.latency.p99, 1)} |`);
  }
  console.log('\nGrowth relative to ×1 (corpus grows ×N):\n');
  console.log('| corpus | passages | build | heap | RSS | cache size | cache load | mean latency | p99 latency |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const x = (a: number, b: number) => `×${f(a / b, 1)}`;
  for (const r of rows) {
    console.log(`| cmrc ×${r.scale} | ${x(r.passages, first.passages)} | ${x(r.buildMs, first.buildMs)} | ${x(r.heapMb, first.heapMb)} | ${x(r.rssMb, first.rssMb)} | ${x(r.cacheBytes, first.cacheBytes)} | ${x(r.cacheLoadMs, first.cacheLoadMs)} | ${x(r.latency.mean, first.latency.mean)} | ${x(r.latency.p99, first.latency.p99)} |`);
  }
  console.log(`\njieba dictionary + word weights: ${rows.map((r) => r.dictionaryMs).join(', ')} ms per process.`);
}

interface LoadResult { rps: number; p50: number; p99: number; errors: number; non2xx: number; total: number }

/** Starts a bench server, runs the load generator against it `runs` times per connection count, stops it. */
async function httpTarget(name: string, serverArgs: string[], questions: string): Promise<Array<{ name: string; connections: number; r: LoadResult }>> {
  process.stderr.write(`http ${name}: starting server…\n`);
  const server = spawn(process.execPath, [...TSX, 'bench/server.ts', ...serverArgs, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (d: Buffer) => {
        out += String(d);
        const m = /ready (http:\/\/\S+)/u.exec(out);
        if (m) resolve(m[1]!);
      });
      server.on('exit', (code) => reject(new Error(`bench server exited (${code})`)));
    });
    const rows = [];
    for (const connections of values.connections.split(',').map(Number)) {
      const runs: LoadResult[] = [];
      for (let i = 0; i < Number(values.runs); i++) {
        runs.push(runJson<LoadResult>([...TSX, 'bench/load.ts', '--url', url, '--connections', String(connections), '--seconds', values.seconds, '--questions', questions]));
        process.stderr.write(`  ${connections} conn run ${i + 1}: ${JSON.stringify(runs.at(-1))}\n`);
      }
      const m = (k: keyof LoadResult) => median(runs.map((r) => r[k]));
      rows.push({ name, connections, r: { rps: m('rps'), p50: m('p50'), p99: m('p99'), errors: Math.max(...runs.map((r) => r.errors)), non2xx: Math.max(...runs.map((r) => r.non2xx)), total: m('total') } });
    }
    return rows;
  } finally {
    server.kill('SIGTERM');
  }
}

async function httpBench(): Promise<void> {
  const scale = values['http-scale'];
  const rows = [
    ...(await httpTarget('trivial fastify route', ['--trivial'], SEED_QUESTIONS)),
    ...(await httpTarget('/api/ask, shipped knowledge', ['--corpus', 'shipped'], SEED_QUESTIONS)),
    // The same without the answer cache: what a question nobody asked before costs.
    ...(await httpTarget('/api/ask, shipped, no answer cache', ['--corpus', 'shipped', '--no-answer-cache'], SEED_QUESTIONS)),
    // --http-scale 0 skips the big corpus (its server builds the index first: minutes at ×10).
    ...(scale === '0' ? [] : await httpTarget(`/api/ask, cmrc ×${scale}`, ['--corpus', 'cmrc', '--scale', scale], `${CMRC_DIR}/questions.jsonl`)),
  ];
  console.log(`\n### HTTP (autocannon in its own process, ${values.seconds} s per run, median of ${values.runs} runs)\n`);
  console.log('| target | connections | req/s | vs trivial | p50 ms | p99 ms | errors | non-2xx |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const { name, connections, r } of rows) {
    const ceiling = rows.find((x) => x.name.startsWith('trivial') && x.connections === connections)!.r.rps;
    console.log(`| ${name} | ${connections} | ${f(r.rps)} | ${f((100 * r.rps) / ceiling, 1)}% | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`);
  }
}

console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
if (!values['skip-engine']) engineBench();
if (!values['skip-http']) await httpBench();
if (!values['skip-records']) {
  // What writing each record before its reply costs (bench/record-insert.ts).
  const r = runJson<{ perInsert: Record<string, { medianUs: number; floorUs: number }>; ratio: number }>([...TSX, 'bench/record-insert.ts']);
  console.log('\n### Records: one INSERT per question (WAL, synchronous=NORMAL), 5 runs of 5,000\n');
  console.log('| write | median µs | floor µs |');
  console.log('|---|---:|---:|');
  for (const [name, x] of Object.entries(r.perInsert)) console.log(`| ${name} | ${x.medianUs} | ${x.floorUs} |`);
}
