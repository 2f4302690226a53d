/**
 * The engine the server runs: each knowledge snapshot lives in its own worker
 * thread (engine-worker.ts), which loads jieba, builds or loads the index and
 * answers. The main thread never builds, loads or searches an index, so HTTP,
 * /api/health and the bot keep flowing during start-up and every reload.
 *
 * The `Engine` interface stays synchronous: a question is posted to the worker
 * and the main thread waits for that one reply with `Atomics.wait`, then takes
 * it with `receiveMessageOnPort` (tens of microseconds more than answering in
 * place; BENCHMARKS.md). Metadata (articles, stats, examples, errors) is copied
 * to the main thread once per snapshot. A reload starts a second worker beside
 * the serving one and swaps them when it is ready; no call is ever in flight
 * across the swap, since every call completes before the main thread moves on.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { Answer } from '../answer/types.js';
import type { Exchange } from '../conversation/respond.js';
import type { Passage } from '../knowledge/types.js';
import type { IndexCacheEvent } from '../search/index-cache.js';
import { EngineNotReadyError, KnowledgeError, QuestionError } from '../shared/errors.js';
import type { Engine, ReloadResult } from './types.js';
import { startModuleWorker } from './worker-entry.js';
import type { EngineReply, EngineRequest, PlainKnowledgeError, PreviousMessage, PreviousParts, SnapshotMeta, WorkerData, WorkerEvent } from './worker-protocol.js';

export interface WorkerEngineOptions {
  knowledgeDir: string;
  /** Folder of the index cache (see search/index-cache.ts); none when absent. */
  indexCacheDir?: string;
  answerCacheSize?: number;
  onIndexCache?: (event: IndexCacheEvent) => void;
  /** A serving worker that died (it is replaced); for the log. */
  onWorkerExit?: (error: Error) => void;
  /** How long one answer may take before the call fails (default 10 s). */
  callTimeoutMs?: number;
}

export interface WorkerEngine extends Engine {
  /** Stops the serving worker (and one being built). */
  close(): Promise<void>;
}

interface Served {
  worker: Worker;
  port: MessagePort;
  flag: Int32Array;
  meta: SnapshotMeta;
}

const knowledgeError = (e: PlainKnowledgeError) => new KnowledgeError(e.file, e.reason, e.line);

/**
 * Starts a worker; resolves once it serves. `previous` answers a reloading worker's question
 * about the files that failed (their last good version, from the serving worker).
 */
function startWorker(options: WorkerEngineOptions, previous: ((files: string[]) => PreviousParts | null) | null): Promise<Served> {
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const data: WorkerData & { port: MessagePort } = {
    knowledgeDir: options.knowledgeDir,
    reload: previous !== null,
    flag,
    port: port2,
    ...(options.indexCacheDir ? { indexCacheDir: options.indexCacheDir } : {}),
    ...(options.answerCacheSize !== undefined ? { answerCacheSize: options.answerCacheSize } : {}),
  };
  const worker = startModuleWorker('engine-worker', { workerData: data, transferList: [port2] });
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      port1.close();
      void worker.terminate();
      reject(error);
    };
    worker.on('message', (m: WorkerEvent) => {
      if (m.type === 'index-cache') options.onIndexCache?.(m.event);
      else if (m.type === 'ready') resolve({ worker, port: port1, flag, meta: m.meta });
      else if (m.type === 'need-previous') {
        let parts: PreviousParts | null = null;
        try {
          parts = previous?.(m.files) ?? null;
        } catch {
          // The serving worker could not say: the failed files are left out, as on a first start.
        }
        worker.postMessage({ type: 'previous', parts } satisfies PreviousMessage);
      } else fail(knowledgeError(m.error));
    });
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`答案引擎的工作线程在准备好之前退出了（退出码 ${code}）`)));
  });
}

let lastId = 0;

/** One request to the serving worker, synchronously: post, wait for its flag, take the reply. */
type Request = EngineRequest extends infer R ? (R extends EngineRequest ? Omit<R, 'id'> : never) : never;

function call(served: Served, request: Request, timeoutMs: number): Answer | Passage | PreviousParts | Exchange | null {
  const id = (lastId = (lastId % 0x7ffffffe) + 1);
  Atomics.store(served.flag, 0, 0);
  served.port.postMessage({ ...request, id });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0 || Atomics.wait(served.flag, 0, 0, left) === 'timed-out') throw new Error('the answer engine did not answer in time');
    // A late reply to an earlier, timed-out request may come first: skip it.
    for (let m = receiveMessageOnPort(served.port); m; m = receiveMessageOnPort(served.port)) {
      const reply = m.message as EngineReply;
      if (reply.id !== id) continue;
      if (!('error' in reply)) return reply.value;
      if (reply.error.name === 'QuestionError') throw new QuestionError(reply.error.code as 'empty' | 'too_long', reply.error.message);
      throw Object.assign(new Error(reply.error.message), { name: reply.error.name });
    }
    Atomics.store(served.flag, 0, 0);
  }
}

/**
 * Starts the first worker and resolves once it serves. Rejects with a KnowledgeError
 * when the folder has no usable article (as `createEngine` does).
 */
export async function startWorkerEngine(options: WorkerEngineOptions): Promise<WorkerEngine> {
  const first = await startWorker(options, null);
  let current: Served | null = null;
  let closed = false;
  let pending: Promise<ReloadResult> | null = null;
  const timeout = options.callTimeoutMs ?? 10_000;

  const serve = (next: Served) => {
    const previous = current;
    current = next;
    next.worker.once('exit', () => {
      if (current !== next || closed) return;
      // The serving worker died (out of memory, a crash): answer "not ready" and start another.
      current = null;
      options.onWorkerExit?.(new Error('the engine worker stopped; starting another'));
      startWorker(options, null).then(
        (again) => (!closed && current === null ? serve(again) : void again.worker.terminate()),
        (err: Error) => options.onWorkerExit?.(err),
      );
    });
    if (previous) {
      previous.port.close();
      void previous.worker.terminate();
    }
  };
  serve(first);

  const ready = (): Served => {
    if (!current) throw new EngineNotReadyError();
    return current;
  };
  const engine: WorkerEngine = {
    answer: (question, askOptions) => call(ready(), { op: 'answer', question, ...(askOptions ? { options: askOptions } : {}) }, timeout) as Answer,
    passage: (id) => call(ready(), { op: 'passage', passageId: id }, timeout) as Passage | null,
    converse: (question, turns, converseOptions, at) => call(ready(), { op: 'converse', question, turns, options: converseOptions, at }, timeout) as Exchange,
    articles: () => ready().meta.articles,
    stats: () => ready().meta.stats,
    exampleQuestions: (count = 3) => ready().meta.examples.slice(0, count),
    knowledgeErrors: () => ready().meta.errors.map(knowledgeError),
    knowledgeFiles: () => ready().meta.files,
    reload: () => {
      // Concurrent reload requests share one rebuild. Every good change applies; a file that fails
      // keeps its last good version, which the new worker asks the serving one for.
      const previous = (files: string[]) => (current ? (call(current, { op: 'previous', files }, timeout) as PreviousParts) : null);
      pending ??= startWorker(options, previous)
        .then(
          (next): ReloadResult => {
            if (closed) void next.worker.terminate();
            else serve(next);
            const errors = next.meta.errors.map(knowledgeError);
            return { ok: errors.length === 0, applied: true, errors, files: next.meta.files, stats: next.meta.stats };
          },
          (err: Error): ReloadResult => {
            const errors = [err instanceof KnowledgeError ? err : new KnowledgeError(options.knowledgeDir, `无法加载知识库（${err.message}）`)];
            return { ok: false, applied: false, errors, files: [], stats: ready().meta.stats };
          },
        )
        .finally(() => {
          pending = null;
        });
      return pending;
    },
    close: async () => {
      closed = true;
      const served = current;
      current = null;
      if (served) {
        served.port.close();
        await served.worker.terminate();
      }
    },
  };
  return engine;
}
