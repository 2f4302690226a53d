import { memoryQuery, type RecordsQuery } from './query.js';
import { createMemoryRecorder, type Recorder } from './recorder.js';

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

/** The in-memory store: nothing survives a restart, but reports of this run still work. */
export function createMemoryStore(): RecordStore {
  const memory = createMemoryRecorder();
  return { kind: 'memory', query: memoryQuery(memory), ...memory, flush: () => {}, prune: () => 0, close: () => {} };
}
