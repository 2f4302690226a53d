/**
 * A server for the HTTP benchmark, in its own process:
 *   tsx bench/server.ts --corpus shipped|cmrc --scale 10 --port 0
 *   tsx bench/server.ts --trivial --port 0        a fastify route that does nothing: the HTTP ceiling
 * Prints `ready <url>` once listening. Logs go to /dev/null at info level, as in production.
 */
import Fastify from 'fastify';
import pino from 'pino';
import { parseArgs } from 'node:util';
import type { Engine } from '../src/engine/types.js';
import { createEngine, engineOver } from '../src/engine/engine.js';
import { snapshotFromPassages } from '../src/engine/snapshot.js';
import { createMemoryRecorder } from '../src/records/recorder.js';
import { buildApp } from '../src/server/app.js';
import { loadDictionary } from '../src/text/segment.js';
import { loadWordWeights } from '../src/text/word-weights.js';
import { replicatedCorpus } from './corpus.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: 'shipped' },
    scale: { type: 'string', default: '1' },
    port: { type: 'string', default: '0' },
    trivial: { type: 'boolean', default: false },
    'no-answer-cache': { type: 'boolean', default: false },
  },
});
const logger = pino({ level: 'info' }, pino.destination('/dev/null'));

async function engineFor(corpus: string): Promise<Engine> {
  loadDictionary();
  loadWordWeights();
  if (corpus === 'shipped') return createEngine({ knowledgeDir: 'knowledge', answerCacheSize: values['no-answer-cache'] ? 0 : undefined });
  const { passages, articles } = replicatedCorpus(Number(values.scale));
  const snapshot = snapshotFromPassages(passages, articles);
  return engineOver(() => snapshot);
}

let url: string;
if (values.trivial) {
  const app = Fastify({ loggerInstance: logger });
  app.post('/api/ask', async () => ({ answered: false, results: [] }));
  url = await app.listen({ host: '127.0.0.1', port: Number(values.port) });
} else {
  const engine = await engineFor(values.corpus);
  const app = await buildApp({
    engine,
    recorder: createMemoryRecorder(),
    logger,
    allowedOrigins: [],
    // The benchmark is one client IP: the limit is raised so it measures answering, not refusing.
    rateLimit: { max: 10_000_000, timeWindowMs: 60_000 },
  });
  url = await app.listen({ host: '127.0.0.1', port: Number(values.port) });
}
console.log(`ready ${url}`);
