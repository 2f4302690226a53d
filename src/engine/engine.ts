import { keepLastGood } from '../knowledge/last-good.js';
import { loadKnowledge } from '../knowledge/load.js';
import type { Passage } from '../knowledge/types.js';
import { KnowledgeError } from '../shared/errors.js';
import { buildSnapshot, type Snapshot, type SnapshotOptions } from './snapshot.js';
import type { Engine, KnowledgeStats, ReloadResult } from './types.js';

export type { Engine, KnowledgeStats, ReloadResult } from './types.js';
export { deferredEngine } from './deferred.js';

/**
 * An engine serving whatever snapshot `current()` returns at each call.
 * `reload` swaps the snapshot; without it, reload rebuilds nothing and reports ok.
 */
export function engineOver(current: () => Snapshot, reload?: () => Promise<ReloadResult>): Engine {
  const byId = new WeakMap<Snapshot, Map<string, Passage>>();
  const stats = (): KnowledgeStats => {
    const s = current();
    return { articles: s.articles.length, passages: s.index.size, indexBuiltAt: s.builtAt.toISOString() };
  };
  return {
    answer: (question, options) => current().answer(question, options),
    articles: () => current().articles,
    passage: (id) => {
      const s = current();
      let map = byId.get(s);
      if (!map) byId.set(s, (map = new Map(s.index.passages.map((p) => [p.id, p]))));
      return map.get(id) ?? null;
    },
    stats,
    exampleQuestions: (count = 3) => current().examples.slice(0, count),
    knowledgeErrors: () => current().errors,
    knowledgeFiles: () => current().files,
    reload: reload ?? (async () => ({ ok: true, applied: false, errors: [], files: current().files, stats: stats() })),
  };
}

/**
 * Loads a knowledge folder and builds the index: the one engine every channel
 * asks. Throws KnowledgeError when the folder has no usable article; broken
 * files are listed by `knowledgeErrors()`.
 */
export async function createEngine(options: SnapshotOptions & { knowledgeDir: string }): Promise<Engine> {
  let knowledge = await loadKnowledge(options.knowledgeDir);
  let current = buildSnapshot(knowledge, options);
  let pending: Promise<ReloadResult> | null = null;
  const engine: Engine = engineOver(
    () => current,
    () => {
      // Concurrent reload requests share one rebuild.
      pending ??= (async (): Promise<ReloadResult> => {
        try {
          // Every good change applies; a file that fails keeps its last good version.
          const next = keepLastGood(knowledge, await loadKnowledge(options.knowledgeDir));
          current = buildSnapshot(next, options);
          knowledge = next;
          return { ok: next.errors.length === 0, applied: true, errors: next.errors, files: next.files, stats: engine.stats() };
        } catch (err) {
          const errors = [err instanceof KnowledgeError ? err : new KnowledgeError(options.knowledgeDir, `无法加载知识库（${(err as Error).message}）`)];
          return { ok: false, applied: false, errors, files: [], stats: engine.stats() };
        } finally {
          pending = null;
        }
      })();
      return pending;
    },
  );
  return engine;
}
