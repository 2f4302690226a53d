/**
 * What the worker thread costs per question: the same questions through the engine in place
 * (`createEngine`) and through the server's engine in a worker (`startWorkerEngine`), both
 * without the answer cache, over one knowledge folder, in one process:
 *   tsx bench/crossing.ts --knowledge DIR [--questions 300]
 * Prints one JSON line: per-question ms (mean, p50, p99) each way and the difference.
 */
import { parseArgs } from 'node:util';
import { createEngine } from '../src/engine/engine.js';
import type { Engine } from '../src/engine/types.js';
import { startWorkerEngine } from '../src/engine/worker-engine.js';
import { cmrcQuestions, summarize } from './corpus.js';

const { values } = parseArgs({ options: { knowledge: { type: 'string', default: 'knowledge' }, questions: { type: 'string', default: '300' } } });
const questions = cmrcQuestions()
  .slice(0, Number(values.questions))
  .map((q) => q.question);

function measure(engine: Engine): ReturnType<typeof summarize> {
  for (const q of questions.slice(0, 30)) engine.answer(q);
  const ms = questions.map((q) => {
    const t0 = performance.now();
    engine.answer(q);
    return performance.now() - t0;
  });
  return summarize(ms);
}

const [inPlace, worker] = await Promise.all([
  createEngine({ knowledgeDir: values.knowledge, answerCacheSize: 0 }),
  startWorkerEngine({ knowledgeDir: values.knowledge, answerCacheSize: 0 }),
]);
// Alternated, four rounds each after a warm-up round, so both see the same machine load; the medians are reported.
measure(inPlace);
measure(worker);
const rounds = Array.from({ length: 4 }, () => ({ local: measure(inPlace), crossed: measure(worker) }));
await worker.close();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pick = (side: 'local' | 'crossed', k: 'mean' | 'p50' | 'p99') => median(rounds.map((r) => r[side][k]));
const local = { mean: pick('local', 'mean'), p50: pick('local', 'p50'), p99: pick('local', 'p99') };
const crossed = { mean: pick('crossed', 'mean'), p50: pick('crossed', 'p50'), p99: pick('crossed', 'p99') };
const r = (n: number) => Math.round(n * 1000) / 1000;
console.log(
  JSON.stringify({
    questions: questions.length,
    inPlace: { mean: r(local.mean), p50: r(local.p50), p99: r(local.p99) },
    worker: { mean: r(crossed.mean), p50: r(crossed.p50), p99: r(crossed.p99) },
    crossingMs: { mean: r(crossed.mean - local.mean), p50: r(crossed.p50 - local.p50) },
  }),
);
