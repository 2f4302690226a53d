import type { Logger } from 'pino';
import { memoryQuery, type RecordsQuery } from './query.js';
import { createMemoryRecorder, type Recorder } from './recorder.js';

type MemoryRecorder = ReturnType<typeof createMemoryRecorder>;

/** A recorder that can also be read (for reports) and closed (at shutdown). */
export interface RecordStore extends Recorder {
  kind: 'sqlite' | 'memory';
  query: RecordsQuery;
  /** Writes the queued records now (close() does too; tests call it). */
  flush(): void;
  /** Deletes rows older than the retention period; returns how many. */
  prune(): number;
  close(): void;
}

/** Most questions, and most votes, the in-memory store keeps (about 10 MB); the oldest go first. */
export const MEMORY_STORE_LIMIT = 10_000;

/**
 * The in-memory store (when the database cannot be used): nothing survives a restart, but
 * reports of this run still work. Bounded: past `limit` records of a kind the oldest are
 * dropped, said once in the log, so a long run without a disk cannot exhaust memory.
 */
export function createMemoryStore(options: { limit?: number; logger?: Logger } = {}): RecordStore & Pick<MemoryRecorder, 'questions' | 'feedback'> {
  const limit = options.limit ?? MEMORY_STORE_LIMIT;
  const memory = createMemoryRecorder();
  let warned = false;
  const trim = (list: unknown[]) => {
    if (list.length <= limit) return;
    list.splice(0, list.length - limit);
    if (!warned) options.logger?.warn({ limit }, 'records: the in-memory store is full; dropping the oldest records from now on');
    warned = true;
  };
  return {
    kind: 'memory',
    query: memoryQuery(memory),
    questions: memory.questions,
    feedback: memory.feedback,
    recordQuestion: (r) => {
      memory.recordQuestion(r);
      trim(memory.questions);
    },
    recordFeedback: (r) => {
      memory.recordFeedback(r);
      trim(memory.feedback);
    },
    flush: () => {},
    prune: () => 0,
    close: () => {},
  };
}
