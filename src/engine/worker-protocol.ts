/** Messages between the main thread (worker-engine.ts) and an engine worker (engine-worker.ts). */
import type { Answer, AskOptions } from '../answer/types.js';
import type { Article, Passage } from '../knowledge/types.js';
import type { IndexCacheEvent } from '../search/index-cache.js';
import type { KnowledgeStats } from './types.js';

/** What a worker is started with (plus the request port, transferred). */
export interface WorkerData {
  knowledgeDir: string;
  indexCacheDir?: string;
  answerCacheSize?: number;
  /** A reload: any error in the folder rejects the new knowledge (the old one keeps serving). */
  strict: boolean;
  /** Set to the id of the request just answered, and notified. */
  flag: Int32Array;
}

/** A KnowledgeError as it crosses threads. */
export interface PlainKnowledgeError {
  file: string;
  reason: string;
  line?: number;
}

/** What the main thread keeps of a snapshot: small, read on every /api/health and /start. */
export interface SnapshotMeta {
  articles: Article[];
  stats: KnowledgeStats;
  examples: string[];
  errors: PlainKnowledgeError[];
}

export type WorkerEvent =
  | { type: 'ready'; meta: SnapshotMeta }
  | { type: 'rejected'; errors: PlainKnowledgeError[] }
  | { type: 'failed'; error: PlainKnowledgeError }
  | { type: 'index-cache'; event: IndexCacheEvent };

export type EngineRequest =
  | { id: number; op: 'answer'; question: string; options?: AskOptions }
  | { id: number; op: 'passage'; passageId: string };

export type EngineReply = { id: number; value: Answer | Passage | null } | { id: number; error: { name: string; message: string; code?: string } };
