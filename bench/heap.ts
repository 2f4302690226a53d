/**
 * Where the memory of a built index goes: builds cmrc ×N, writes a V8 heap snapshot and sums
 * the self size of its objects by kind (strings, Maps and their backing tables, arrays, ...).
 *   node --expose-gc --max-old-space-size=8192 --import tsx bench/heap.ts --scale 1
 * Prints a markdown table. The snapshot is written to a temporary folder and deleted.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { snapshotFromPassages } from '../src/engine/snapshot.js';
import { loadDictionary } from '../src/text/segment.js';
import { loadWordWeights } from '../src/text/word-weights.js';
import { replicatedCorpus } from './corpus.js';

const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' } } });
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
loadDictionary();
loadWordWeights();
const { passages, articles } = replicatedCorpus(Number(values.scale));
const built = snapshotFromPassages(passages, articles);
gc();
const dir = mkdtempSync(path.join(os.tmpdir(), 'chuchu-heap-'));
const file = v8.writeHeapSnapshot(path.join(dir, 'index.heapsnapshot'));
const snap = JSON.parse(readFileSync(file, 'utf8')) as {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
};
rmSync(dir, { recursive: true, force: true });
const fields = snap.snapshot.meta.node_fields;
const [typeNames] = snap.snapshot.meta.node_types;
const F = fields.length;
const iType = fields.indexOf('type');
const iName = fields.indexOf('name');
const iSize = fields.indexOf('self_size');
const sums = new Map<string, { bytes: number; count: number }>();
for (let i = 0; i < snap.nodes.length; i += F) {
  const type = typeNames[snap.nodes[i + iType]!]!;
  const name = snap.strings[snap.nodes[i + iName]!]!;
  // Objects by constructor; strings, arrays and code by type.
  const key = type === 'object' || type === 'native' ? `${type} ${name}` : type === 'hidden' ? `hidden ${name.replace(/\s*\/.*$/u, '')}` : type;
  const s = sums.get(key) ?? { bytes: 0, count: 0 };
  s.bytes += snap.nodes[i + iSize]!;
  s.count++;
  sums.set(key, s);
}
const total = [...sums.values()].reduce((a, s) => a + s.bytes, 0);
console.log(`cmrc ×${values.scale}: ${passages.length} passages, heap snapshot total ${(total / 2 ** 20).toFixed(0)} MB, ${built.index.size} indexed\n`);
console.log('| kind | MB | share | objects |');
console.log('|---|---:|---:|---:|');
for (const [k, s] of [...sums].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 14)) {
  console.log(`| ${k} | ${(s.bytes / 2 ** 20).toFixed(1)} | ${((100 * s.bytes) / total).toFixed(1)}% | ${s.count.toLocaleString('en')} |`);
}
