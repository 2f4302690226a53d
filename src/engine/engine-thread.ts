/**
 * One long-lived engine worker thread (engine-worker.ts) seen from the main thread: it loads
 * jieba's dictionary once, then builds, serves and drops one snapshot after another when told
 * to (worker-engine.ts gives it its role). Threads are kept, never replaced on a reload:
 * nodejieba never frees a thread's dictionary when the thread ends (~250 MB each; BENCHMARKS.md).
 *
 * A request crosses synchronously: posted on the thread's port, then the main thread waits for
 * the thread's flag (`Atomics.wait`) and takes the reply with `receiveMessageOnPort`.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { Answer } from '../answer/types.js';
import type { Exchange } from '../conversation/respond.js';
import type { Passage } from '../knowledge/types.js';
import type { IndexCacheEvent } from '../search/index-cache.js';
import { KnowledgeError, QuestionError } from '../shared/errors.js';
import { startModuleWorker } from './worker-entry.js';
import type { ControlMessage, EngineReply, EngineRequest, PlainKnowledgeError, PreviousParts, SnapshotMeta, WorkerData, WorkerEvent } from './worker-protocol.js';

export interface ThreadOptions {
  knowledgeDir: string;
  indexCacheDir?: string;
  answerCacheSize?: number;
  onIndexCache?: (event: IndexCacheEvent) => void;
  /** Each engine thread as it starts (for tests: ending one is how a crash looks). */
  onThreadStart?: (worker: Worker) => void;
}

/** The last good version of the files that failed, asked of the serving thread (null: none to give). */
export type PreviousLookup = (files: string[]) => PreviousParts | null;

/** A request as the caller writes it (the id is added here). */
export type Request = EngineRequest extends infer R ? (R extends EngineRequest ? Omit<R, 'id'> : never) : never;

export interface EngineThread {
  /** The snapshot this thread serves (null: none, or being built). */
  meta: SnapshotMeta | null;
  /** False once the thread has ended (a crash, or `stop`). */
  readonly alive: () => boolean;
  /** Builds a new snapshot from the folder (the thread drops the one it had first); resolves once it serves. */
  build(reload: boolean, previous: PreviousLookup | null): Promise<SnapshotMeta>;
  /** Frees the snapshot (its index, FAQ and caches); the thread and its dictionary stay. */
  drop(): void;
  call(request: Request, timeoutMs: number): Answer | Passage | PreviousParts | Exchange | null;
  stop(): Promise<void>;
}

export const knowledgeError = (e: PlainKnowledgeError) => new KnowledgeError(e.file, e.reason, e.line);

let lastId = 0;

/** Starts one engine thread; `onExit` hears of it ending unasked (out of memory, a crash). */
export function startEngineThread(options: ThreadOptions, onExit: (thread: EngineThread) => void): EngineThread {
  const { port1: port, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const data: WorkerData & { port: MessagePort } = {
    knowledgeDir: options.knowledgeDir,
    flag,
    port: port2,
    ...(options.indexCacheDir ? { indexCacheDir: options.indexCacheDir } : {}),
    ...(options.answerCacheSize !== undefined ? { answerCacheSize: options.answerCacheSize } : {}),
  };
  const worker: Worker = startModuleWorker('engine-worker', { workerData: data, transferList: [port2] });
  options.onThreadStart?.(worker);
  const post = (message: ControlMessage) => worker.postMessage(message);
  let alive = true;
  let stopping = false;
  let building: { resolve: (meta: SnapshotMeta) => void; reject: (error: Error) => void; previous: PreviousLookup | null } | null = null;

  const thread: EngineThread = {
    meta: null,
    alive: () => alive,
    build: (reload, previous) => {
      if (!alive) return Promise.reject(new Error('答案引擎的工作线程已经停止'));
      thread.meta = null;
      return new Promise<SnapshotMeta>((resolve, reject) => {
        building = { resolve, reject, previous };
        post({ type: 'build', reload });
      });
    },
    drop: () => {
      thread.meta = null;
      if (alive) post({ type: 'drop' });
    },
    call: (request, timeoutMs) => {
      const id = (lastId = (lastId % 0x7ffffffe) + 1);
      Atomics.store(flag, 0, 0);
      port.postMessage({ ...request, id });
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const left = deadline - Date.now();
        if (left <= 0 || Atomics.wait(flag, 0, 0, left) === 'timed-out') throw new Error('the answer engine did not answer in time');
        // A late reply to an earlier, timed-out request may come first: skip it.
        for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
          const reply = m.message as EngineReply;
          if (reply.id !== id) continue;
          if (!('error' in reply)) return reply.value;
          if (reply.error.name === 'QuestionError') throw new QuestionError(reply.error.code as 'empty' | 'too_long', reply.error.message);
          throw Object.assign(new Error(reply.error.message), { name: reply.error.name });
        }
        Atomics.store(flag, 0, 0);
      }
    },
    stop: async () => {
      stopping = true;
      alive = false;
      thread.meta = null;
      port.close();
      finish({ error: new Error('答案引擎的工作线程已经停止') });
      await worker.terminate();
    },
  };

  const finish = (outcome: { meta: SnapshotMeta } | { error: Error }) => {
    const done = building;
    building = null;
    if (!done) return;
    if ('meta' in outcome) done.resolve((thread.meta = outcome.meta));
    else done.reject(outcome.error);
  };
  worker.on('message', (m: WorkerEvent) => {
    if (m.type === 'index-cache') options.onIndexCache?.(m.event);
    else if (m.type === 'ready') finish({ meta: m.meta });
    else if (m.type === 'failed') finish({ error: knowledgeError(m.error) });
    else {
      let parts: PreviousParts | null = null;
      try {
        parts = building?.previous?.(m.files) ?? null;
      } catch {
        // The serving thread could not say: the failed files are left out, as on a first start.
      }
      post({ type: 'previous', parts });
    }
  });
  const ended = (error: Error) => {
    if (!alive) return;
    alive = false;
    thread.meta = null;
    port.close();
    finish({ error });
    if (!stopping) onExit(thread);
  };
  worker.once('error', ended);
  worker.once('exit', (code) => ended(new Error(`答案引擎的工作线程退出了（退出码 ${code}）`)));
  return thread;
}
