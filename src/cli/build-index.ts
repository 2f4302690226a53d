/**
 * Builds the search index and writes it to the index cache, so the next
 * start-up loads it instead of building (Docker images run this at build time).
 *   npm run build-index                      KNOWLEDGE_DIR and DATA_DIR from the environment / .env
 *   npm run build-index -- --knowledge DIR --data DIR
 * Exits 1 when the cache cannot be written: ahead of time, that is a failure.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createEngine } from '../engine/engine.js';
import type { IndexCacheEvent } from '../search/index-cache.js';

const { values } = parseArgs({ options: { knowledge: { type: 'string' }, data: { type: 'string' } } });
if (existsSync('.env')) process.loadEnvFile('.env');
const config = loadConfig(process.env);
const knowledgeDir = values.knowledge ?? config.knowledgeDir;
const dir = path.join(values.data ?? config.dataDir, 'index-cache');

const t0 = performance.now();
let failed: string | null = null;
const onEvent = (e: IndexCacheEvent) => {
  if (e.kind === 'write-failed') failed = e.error;
  if (e.kind === 'miss' && e.reason === 'corrupt') console.error(`index cache: ${e.file} was corrupt (${e.detail}); rebuilt`);
  if (e.kind === 'hit') console.log(`index cache: ${e.file} is up to date (${e.bytes} bytes)`);
  if (e.kind === 'written') console.log(`index cache: wrote ${e.file} (${e.bytes} bytes, serialized in ${e.ms} ms)`);
};
const engine = await createEngine({ knowledgeDir, indexCache: { dir, onEvent } });
for (const e of engine.knowledgeErrors()) console.error(`knowledge: ${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`);
const { articles, passages } = engine.stats();
console.log(`${articles} article(s), ${passages} passages from ${knowledgeDir} in ${Math.round(performance.now() - t0)} ms`);
if (failed) {
  console.error(`index cache: cannot write to ${dir}: ${failed}`);
  process.exit(1);
}
