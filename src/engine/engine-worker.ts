/**
 * The inside of an engine worker (engine-thread.ts starts it): loads jieba once, then, each
 * time the main thread says 'build', reads the knowledge folder, builds or loads a snapshot
 * and answers requests with it until told to 'drop' it. The thread lives as long as the
 * server: nodejieba never frees a thread's dictionary, so a reload reuses the thread.
 *
 * Requests arrive on `port`; each reply is posted back on it, then `flag` is set
 * to the request's id and notified, which wakes the main thread blocked in
 * `Atomics.wait` (the call is synchronous on its side: see worker-engine.ts).
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { respond, type Answerer } from '../conversation/respond.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Passage } from '../knowledge/types.js';
import type { IndexCacheEvent } from '../search/index-cache.js';
import { EngineNotReadyError, KnowledgeError } from '../shared/errors.js';
import { loadDictionary } from '../text/segment.js';
import { loadWordWeights } from '../text/word-weights.js';
import { buildSnapshot, type Snapshot } from './snapshot.js';
import { startModuleWorker } from './worker-entry.js';
import type { ControlMessage, EngineRequest, EngineReply, LoaderReply, PreviousMessage, PreviousParts, WorkerData, WorkerEvent } from './worker-protocol.js';

const data = workerData as WorkerData & { port: MessagePort };
const tell = (event: WorkerEvent) => parentPort!.postMessage(event);
const plainError = (err: KnowledgeError) => ({ file: err.file, reason: err.reason, ...(err.line ? { line: err.line } : {}) });

/** Who waits for the main thread's reply to 'need-previous'. */
let previousReply: ((m: PreviousMessage) => void) | null = null;

/** On a reload, the last good version of the files that failed, from the serving worker (through the main thread). */
async function withLastGood(next: Knowledge, reload: boolean): Promise<Knowledge> {
  const failed = next.files.filter((f) => f.status === 'failed').map((f) => f.file);
  if (!reload || failed.length === 0) return next;
  const reply = new Promise<PreviousMessage>((resolve) => (previousReply = resolve));
  tell({ type: 'need-previous', files: failed });
  const { parts } = await reply;
  if (!parts) return next;
  const { keepLastGood } = await import('../knowledge/last-good.js');
  return keepLastGood({ ...next, ...parts }, next);
}

/** The parts of `knowledge` that come from `files` (what keepLastGood may keep). */
function partsOf(knowledge: Knowledge, files: string[]): PreviousParts {
  const wanted = new Set(files);
  const articles = knowledge.articles.filter((a) => wanted.has(a.file));
  const ids = new Set(articles.map((a) => a.id));
  return { articles, passages: knowledge.passages.filter((p) => ids.has(p.articleId)), faq: knowledge.faq.filter((e) => wanted.has(e.file)) };
}

/**
 * The folder, read, parsed and hashed (the cache key) by a second worker, so that it happens
 * while this one loads jieba's dictionary and the word weights: on 2 cores that takes the
 * folder's time off the start (×10 cmrc: ~1.5 s). At start only: a reload is not waited for.
 */
function loadElsewhere(): Promise<{ knowledge: Knowledge; key: string | null }> {
  const loader = startModuleWorker('knowledge-loader', { workerData: { dir: data.knowledgeDir, key: data.indexCacheDir !== undefined } });
  return new Promise((resolve, reject) => {
    loader.once('message', (m: LoaderReply) => {
      if ('error' in m) reject(new KnowledgeError(m.error.file, m.error.reason, m.error.line));
      else resolve({ knowledge: { ...m.knowledge, errors: m.knowledge.errors.map((e) => new KnowledgeError(e.file, e.reason, e.line)) }, key: m.key });
    });
    loader.once('error', reject);
    loader.once('exit', (code) => reject(new Error(`the knowledge loader stopped (exit code ${code})`)));
  });
}

/** The snapshot this thread serves, with what its requests read. */
let served: { snapshot: Snapshot; knowledge: Knowledge; byId: Map<string, Passage>; answerer: Answerer } | null = null;
let first = true;

async function build(reload: boolean): Promise<void> {
  served = null;
  // The first build of the server's first thread reads the folder in a loader thread while jieba loads.
  const elsewhere = first && !reload ? loadElsewhere() : null;
  first = false;
  // Handled where it is awaited; this keeps an early failure from being reported as unhandled meanwhile.
  elsewhere?.catch(() => {});
  loadDictionary();
  loadWordWeights();
  // The folder's parsers (zod, iconv-lite, jschardet: ~30 MB) are loaded in this worker only when it reads the folder itself.
  const loaded = elsewhere ? await elsewhere : { knowledge: await withLastGood(await (await import('../knowledge/load.js')).loadKnowledge(data.knowledgeDir), reload), key: null };
  const { knowledge } = loaded;
  const onEvent = (event: IndexCacheEvent) => tell({ type: 'index-cache', event });
  const snapshot = buildSnapshot(knowledge, {
    ...(data.indexCacheDir ? { indexCache: { dir: data.indexCacheDir, onEvent, ...(loaded.key ? { key: loaded.key } : {}) } } : {}),
    ...(data.answerCacheSize !== undefined ? { answerCacheSize: data.answerCacheSize } : {}),
  });
  const byId = new Map<string, Passage>(snapshot.index.passages.map((p) => [p.id, p]));
  served = { snapshot, knowledge, byId, answerer: { answer: snapshot.answer, articles: () => snapshot.articles, passage: (id) => byId.get(id) ?? null } };
  tell({
    type: 'ready',
    meta: {
      articles: snapshot.articles,
      stats: { articles: snapshot.articles.length, passages: snapshot.index.size, indexBuiltAt: snapshot.builtAt.toISOString() },
      examples: snapshot.examples,
      errors: snapshot.errors.map(plainError),
      files: snapshot.files,
    },
  });
}

function answer(request: EngineRequest): EngineReply {
  try {
    if (!served) throw new EngineNotReadyError();
    const { snapshot, knowledge, byId, answerer } = served;
    const value =
      request.op === 'answer'
        ? snapshot.answer(request.question, request.options)
        : request.op === 'converse'
          ? respond(answerer, request.question, request.turns, request.options, request.at)
          : request.op === 'passage'
            ? (byId.get(request.passageId) ?? null)
            : partsOf(knowledge, request.files);
    return { id: request.id, value };
  } catch (err) {
    const e = err as Error & { code?: string };
    return { id: request.id, error: { name: e.name, message: e.message, ...(e.code ? { code: e.code } : {}) } };
  }
}

data.port.on('message', (request: EngineRequest) => {
  data.port.postMessage(answer(request));
  Atomics.store(data.flag, 0, request.id);
  Atomics.notify(data.flag, 0);
});

parentPort!.on('message', (m: ControlMessage) => {
  if (m.type === 'previous') {
    previousReply?.(m);
    previousReply = null;
  } else if (m.type === 'drop') served = null;
  else
    build(m.reload).catch((err: unknown) => {
      const e = err instanceof KnowledgeError ? err : new KnowledgeError(data.knowledgeDir, `无法加载知识库（${(err as Error).message}）`);
      tell({ type: 'failed', error: plainError(e) });
    });
});
