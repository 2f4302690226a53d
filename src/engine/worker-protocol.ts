/** Messages between the main thread (worker-engine.ts) and an engine worker (engine-worker.ts). */
import type { Answer, AskOptions } from '../answer/types.js';
import type { Exchange, ExchangeOptions } from '../conversation/respond.js';
import type { Turn } from '../conversation/store.js';
import type { FileReport } from '../knowledge/accounting.js';
import type { Knowledge } from '../knowledge/load.js';
import type { Article, Passage } from '../knowledge/types.js';
import type { IndexCacheEvent } from '../search/index-cache.js';
import type { KnowledgeStats } from './types.js';

/** What a worker is started with (plus the request port, transferred). */
export interface WorkerData {
  knowledgeDir: string;
  indexCacheDir?: string;
  answerCacheSize?: number;
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
  files: FileReport[];
}

/** What keepLastGood reads of the previous knowledge, for the files that failed. */
export type PreviousParts = Pick<Knowledge, 'articles' | 'passages' | 'faq'>;

export type WorkerEvent =
  | { type: 'ready'; meta: SnapshotMeta }
  | { type: 'need-previous'; files: string[] }
  | { type: 'failed'; error: PlainKnowledgeError }
  | { type: 'index-cache'; event: IndexCacheEvent };

/** The main thread's reply to 'need-previous', on the worker's parentPort. */
export interface PreviousMessage {
  type: 'previous';
  parts: PreviousParts | null;
}

/**
 * What the main thread tells a worker on its parentPort: build a snapshot from the folder (on a
 * reload, files that fail keep their last good version, asked of the serving worker with
 * 'need-previous'), drop the one it serves, or the reply to 'need-previous'.
 */
export type ControlMessage = { type: 'build'; reload: boolean } | { type: 'drop' } | PreviousMessage;

export type EngineRequest =
  | { id: number; op: 'answer'; question: string; options?: AskOptions }
  | { id: number; op: 'passage'; passageId: string }
  | { id: number; op: 'previous'; files: string[] }
  | { id: number; op: 'converse'; question: string; turns: readonly Turn[]; options: ExchangeOptions; at: number };

export type EngineReply = { id: number; value: Answer | Passage | PreviousParts | Exchange | null } | { id: number; error: { name: string; message: string; code?: string } };

/** What the knowledge loader (knowledge-loader.ts) posts: the folder with its errors made plain, and the cache key. */
export type LoaderReply = { knowledge: Omit<Knowledge, 'errors'> & { errors: PlainKnowledgeError[] }; key: string | null } | { error: PlainKnowledgeError };
