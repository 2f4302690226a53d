/**
 * One engine measurement in a fresh process (so memory figures belong to this scale alone):
 *   node --expose-gc --import tsx bench/engine.ts --scale 10 [--questions N]
 * Prints one JSON line: build time, heap and RSS after build, cache size / write / load time,
 * and per-question latency through `answer`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { snapshotFromPassages } from '../src/engine/snapshot.js';
import { indexCacheKey, readCachedIndex, writeCachedIndex, type IndexCacheEvent } from '../src/search/index-cache.js';
import { createSynonyms } from '../src/search/synonyms.js';
import { loadDictionary } from '../src/text/segment.js';
import { loadWordWeights } from '../src/text/word-weights.js';
import { cmrcQuestions, replicatedCorpus, summarize } from './corpus.js';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, questions: { type: 'string' }, 'skip-cache': { type: 'boolean', default: false } },
});
const scale = Number(values.scale);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (n: number) => Math.round(n / 1024 / 1024);
const since = (t: number) => Math.round(performance.now() - t);

let t = performance.now();
loadDictionary();
loadWordWeights();
const dictionaryMs = since(t);
gc();
const baseRss = process.memoryUsage().rss;

const { passages, articles } = replicatedCorpus(scale);
t = performance.now();
const built = snapshotFromPassages(passages, articles);
const buildMs = since(t);
gc();
const mem = process.memoryUsage();

// The real start-up path: key hash, cache write (toJSON + checksum + rename), cache read (checksum + parse + load).
// --skip-cache for scales whose serialized index would not fit one JS string.
const events: IndexCacheEvent[] = [];
let keyMs = NaN;
let writeMs = NaN;
let loadMs = NaN;
if (!values['skip-cache']) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chuchu-bench-'));
  const cache = { dir, onEvent: (e: IndexCacheEvent) => void events.push(e) };
  t = performance.now();
  const key = indexCacheKey({ passages, userWords: [], synonyms: [] });
  keyMs = since(t);
  t = performance.now();
  writeCachedIndex(cache, key, built.index);
  writeMs = since(t);
  t = performance.now();
  const loaded = readCachedIndex(cache, key, createSynonyms([]));
  loadMs = since(t);
  rmSync(dir, { recursive: true, force: true });
  if (!loaded || loaded.size !== built.index.size) throw new Error(`cache round trip failed: ${JSON.stringify(events)}`);
}
const written = events.find((e) => e.kind === 'written');

let questions = cmrcQuestions();
if (values.questions) questions = questions.slice(0, Number(values.questions));
for (const q of questions.slice(0, 50)) built.answer(q.question); // warm-up: JIT, caches
const latencies = questions.map((q) => {
  const t0 = performance.now();
  built.answer(q.question);
  return performance.now() - t0;
});

console.log(
  JSON.stringify({
    scale,
    passages: passages.length,
    dictionaryMs,
    buildMs,
    heapMb: mb(mem.heapUsed),
    rssMb: mb(mem.rss),
    rssIndexMb: mb(mem.rss - baseRss),
    cacheBytes: written?.kind === 'written' ? written.bytes : 0,
    keyMs,
    cacheWriteMs: writeMs,
    cacheLoadMs: loadMs,
    questions: questions.length,
    latency: summarize(latencies),
  }),
);
