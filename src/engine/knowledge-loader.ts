/**
 * A short-lived worker that reads and parses the knowledge folder and hashes it into the
 * index cache key while the engine worker that started it loads jieba's dictionary and the
 * word weights (the two take about as long; engine-worker.ts, `loadElsewhere`). It posts
 * one `LoaderReply` and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadKnowledge } from '../knowledge/load.js';
import { indexCacheKey } from '../search/index-cache.js';
import { KnowledgeError } from '../shared/errors.js';
import type { LoaderReply } from './worker-protocol.js';

const { dir, key } = workerData as { dir: string; key: boolean };
const plain = (e: KnowledgeError) => ({ file: e.file, reason: e.reason, ...(e.line ? { line: e.line } : {}) });

loadKnowledge(dir).then(
  (knowledge) => {
    const reply: LoaderReply = { knowledge: { ...knowledge, errors: knowledge.errors.map(plain) }, key: key ? indexCacheKey(knowledge) : null };
    parentPort!.postMessage(reply);
  },
  (err: unknown) => {
    const e = err instanceof KnowledgeError ? err : new KnowledgeError(dir, `无法加载知识库（${(err as Error).message}）`);
    parentPort!.postMessage({ error: plain(e) } satisfies LoaderReply);
  },
);
