/**
 * The process's RSS over reloads of the server's engine (nodejieba never frees a thread's
 * dictionary, so an engine that starts a thread per reload grows ~250 MB a reload):
 *   tsx bench/reload-rss.ts [--knowledge knowledge] [--reloads 6] [--runs 3] [--src src]
 * Each run is a fresh process: start the engine, then `--reloads` reloads of an unchanged copy
 * of the folder, the RSS after each (after a GC and 0.5 s). `--src` points at another checkout's
 * src/ (say, the code before a change) to measure it with the same script. Prints a markdown
 * table of the medians over the runs, with the lowest run beside each.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    knowledge: { type: 'string', default: 'knowledge' },
    reloads: { type: 'string', default: '6' },
    runs: { type: 'string', default: '3' },
    src: { type: 'string', default: 'src' },
    child: { type: 'boolean', default: false },
  },
});
const reloads = Math.min(20, Math.max(1, Number(values.reloads)));
const mb = () => Math.round(process.memoryUsage.rss() / 1e6);

interface Run { rss: number[]; threads: number | null; reloadMs: number[] }

async function child(): Promise<Run> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chuchu-reload-rss-'));
  cpSync(values.knowledge, dir, { recursive: true });
  const { startWorkerEngine } = (await import(pathToFileURL(path.resolve(values.src, 'engine/worker-engine.ts')).href)) as typeof import('../src/engine/worker-engine.js');
  const settle = async () => {
    (globalThis as { gc?: () => void }).gc?.();
    await sleep(500);
    return mb();
  };
  const rss = [await settle()];
  const engine = await startWorkerEngine({ knowledgeDir: dir });
  rss.push(await settle());
  const reloadMs: number[] = [];
  for (let i = 0; i < reloads; i += 1) {
    const t0 = performance.now();
    const r = await engine.reload();
    reloadMs.push(Math.round(performance.now() - t0));
    if (!r.applied) throw new Error(`reload ${i + 1} did not apply: ${r.errors.map((e) => e.message).join('; ')}`);
    rss.push(await settle());
  }
  const threads = 'threadsStarted' in engine ? (engine as { threadsStarted(): number }).threadsStarted() : null;
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
  return { rss, threads, reloadMs };
}

if (values.child) {
  console.log(JSON.stringify(await child()));
} else {
  const runs: Run[] = [];
  const args = ['--expose-gc', '--import', 'tsx', process.argv[1]!, '--child', '--knowledge', values.knowledge, '--reloads', String(reloads), '--src', values.src];
  for (let i = 0; i < Math.min(10, Number(values.runs)); i += 1) {
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 22, timeout: 600_000 });
    if (r.status !== 0) throw new Error(`run ${i + 1} failed:\n${r.stderr}`);
    runs.push(JSON.parse(r.stdout.trim().split('\n').pop()!) as Run);
    process.stderr.write(`run ${i + 1}: ${JSON.stringify(runs.at(-1))}\n`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const labels = ['before start', 'started', ...Array.from({ length: reloads }, (_, i) => `reload ${i + 1}`)];
  console.log(`\nRSS (MB) over reloads, ${values.src}, ${values.knowledge}: median of ${runs.length} runs (lowest)\n`);
  console.log('| after | RSS MB | lowest |');
  console.log('|---|---:|---:|');
  labels.forEach((label, i) => {
    const xs = runs.map((r) => r.rss[i]!);
    console.log(`| ${label} | ${median(xs)} | ${Math.min(...xs)} |`);
  });
  console.log(`\nthreads started: ${runs.map((r) => r.threads ?? '–').join(', ')}; reload ms (median per run): ${runs.map((r) => median(r.reloadMs)).join(', ')}`);
}
