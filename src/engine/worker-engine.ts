/**
 * The engine the server runs: the knowledge snapshot lives in a worker thread
 * (engine-thread.ts, engine-worker.ts), which loads jieba, builds or loads the index and
 * answers. The main thread never builds, loads or searches an index, so HTTP,
 * /api/health and the bot keep flowing during start-up and every reload.
 *
 * At most two threads, for the life of the process: the active one answers; a reload
 * builds the new snapshot in the standby one (started on the first reload, then kept),
 * and once it is ready the roles swap and the old active drops its snapshot, becoming
 * the standby for the next reload. Threads are never started per reload: nodejieba never
 * frees a thread's dictionary when the thread ends (~250 MB per thread; BENCHMARKS.md).
 * A thread that dies is the only reason to start another.
 *
 * The `Engine` interface stays synchronous (engine-thread.ts, `call`); metadata (articles,
 * stats, examples, errors) is copied to the main thread once per snapshot. No call is ever
 * in flight across a swap, since every call completes before the main thread moves on.
 */
import type { Answer } from '../answer/types.js';
import type { Exchange } from '../conversation/respond.js';
import type { Passage } from '../knowledge/types.js';
import { EngineNotReadyError, KnowledgeError } from '../shared/errors.js';
import { knowledgeError, startEngineThread, type EngineThread, type PreviousLookup, type Request, type ThreadOptions } from './engine-thread.js';
import type { Engine, ReloadResult } from './types.js';
import type { PreviousParts, SnapshotMeta } from './worker-protocol.js';

export interface WorkerEngineOptions extends ThreadOptions {
  /** A serving worker that died (it is replaced); for the log. */
  onWorkerExit?: (error: Error) => void;
  /** How long one answer may take before the call fails (default 10 s). */
  callTimeoutMs?: number;
}

export interface WorkerEngine extends Engine {
  /** Stops both threads. */
  close(): Promise<void>;
  /** How many engine threads this engine has started (1 until the first reload, then 2 unless one died). */
  threadsStarted(): number;
}

/**
 * Starts the first thread and resolves once it serves. Rejects with a KnowledgeError
 * when the folder has no usable article (as `createEngine` does).
 */
export async function startWorkerEngine(options: WorkerEngineOptions): Promise<WorkerEngine> {
  const timeout = options.callTimeoutMs ?? 10_000;
  let started = 0;
  let closed = false;
  let active: EngineThread | null = null;
  let standby: EngineThread | null = null;
  // A reload not yet posted to a thread (shared by every request until then), and the builds' queue.
  let queued: Promise<ReloadResult> | null = null;
  let tail: Promise<unknown> = Promise.resolve();

  const start = (): EngineThread => {
    started += 1;
    return startEngineThread(options, (dead) => {
      if (closed) return;
      if (dead === standby) standby = null;
      if (dead !== active) return;
      // The serving thread died (out of memory, a crash): answer "not ready" and build in the standby.
      active = null;
      options.onWorkerExit?.(new Error('the engine worker stopped; building its snapshot in another'));
      void reload().then((r) => {
        if (!r.applied) options.onWorkerExit?.(r.errors[0] ?? new Error('the engine could not restart'));
      });
    });
  };

  const first = start();
  try {
    await first.build(false, null);
  } catch (err) {
    await first.stop();
    throw err;
  }
  active = first;

  const ready = (): { thread: EngineThread; meta: SnapshotMeta } => {
    const meta = active?.meta;
    if (!active || !meta) throw new EngineNotReadyError();
    return { thread: active, meta };
  };
  const ask = (request: Request) => ready().thread.call(request, timeout);

  /** One rebuild in the standby thread, then the swap. Never rejects. */
  const build = async (): Promise<ReloadResult> => {
    if (closed) return { ok: false, applied: false, errors: [new KnowledgeError(options.knowledgeDir, '答案引擎已经关闭')], files: [], stats: { articles: 0, passages: 0, indexBuiltAt: '' } };
    const builder = standby && standby.alive() ? standby : (standby = start());
    // Every good change applies; a file that fails keeps its last good version, asked of the serving thread.
    const previous: PreviousLookup | null = active ? (files) => (active ? (active.call({ op: 'previous', files }, timeout) as PreviousParts) : null) : null;
    try {
      const meta = await builder.build(previous !== null, previous);
      if (closed) return { ok: false, applied: false, errors: [], files: meta.files, stats: meta.stats };
      // The swap: the new snapshot answers from the next call on; the old one is freed.
      const old = active;
      active = builder;
      standby = old;
      old?.drop();
      const errors = meta.errors.map(knowledgeError);
      return { ok: errors.length === 0, applied: true, errors, files: meta.files, stats: meta.stats };
    } catch (err) {
      const errors = [err instanceof KnowledgeError ? err : new KnowledgeError(options.knowledgeDir, `无法加载知识库（${(err as Error).message}）`)];
      return { ok: false, applied: false, errors, files: [], stats: active?.meta?.stats ?? { articles: 0, passages: 0, indexBuiltAt: '' } };
    }
  };

  /**
   * Requests share a rebuild until it is posted to the thread (which reads the folder after that);
   * a request during a build queues one more, so the last one always reads the latest folder.
   */
  const reload = (): Promise<ReloadResult> => {
    if (queued) return queued;
    const mine = tail.then(() => {
      queued = null;
      return build();
    });
    queued = mine;
    tail = mine;
    return mine;
  };

  return {
    answer: (question, askOptions) => ask({ op: 'answer', question, ...(askOptions ? { options: askOptions } : {}) }) as Answer,
    passage: (id) => ask({ op: 'passage', passageId: id }) as Passage | null,
    converse: (question, turns, converseOptions, at) => ask({ op: 'converse', question, turns, options: converseOptions, at }) as Exchange,
    articles: () => ready().meta.articles,
    stats: () => ready().meta.stats,
    exampleQuestions: (count = 3) => ready().meta.examples.slice(0, count),
    knowledgeErrors: () => ready().meta.errors.map(knowledgeError),
    knowledgeFiles: () => ready().meta.files,
    reload,
    threadsStarted: () => started,
    close: async () => {
      closed = true;
      const threads = [active, standby];
      active = standby = null;
      await Promise.all(threads.map((t) => t?.stop()));
    },
  };
}
