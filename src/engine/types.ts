import type { Answer, AskOptions } from '../answer/types.js';
import type { FileReport } from '../knowledge/accounting.js';
import type { Article, Passage } from '../knowledge/types.js';
import type { KnowledgeError } from '../shared/errors.js';
import type { Exchange, ExchangeOptions } from '../conversation/respond.js';
import type { Turn } from '../conversation/store.js';

export interface KnowledgeStats {
  articles: number;
  passages: number;
  /** ISO time the current index was built or loaded. */
  indexBuiltAt: string;
}

export interface ReloadResult {
  /** True when the reload applied and every file loaded. */
  ok: boolean;
  /** True when the new knowledge replaced the old (good changes apply even when some files fail). */
  applied: boolean;
  /** Problems in the knowledge folder; a failed file keeps serving its last good version. */
  errors: KnowledgeError[];
  /** Every file: loaded, skipped or failed (empty when the folder could not be read at all). */
  files: FileReport[];
  stats: KnowledgeStats;
}

/**
 * The one answer path every channel (CLI, Telegram, web) is handed. Every method reads
 * the snapshot being served; before the first load finishes (see `deferredEngine`),
 * each throws `EngineNotReadyError`.
 */
export interface Engine {
  /** Throws `QuestionError` for an empty or over-long question. */
  answer(question: string, options?: AskOptions): Answer;
  articles(): Article[];
  /** A passage being served, by id (reports name the article and paragraph a record quoted). */
  passage(id: string): Passage | null;
  stats(): KnowledgeStats;
  /** A few questions the knowledge base can answer, for /start and the widget's greeting. */
  exampleQuestions(count?: number): string[];
  /** Problems found in the knowledge folder at the last (re)load; the rest loaded. */
  knowledgeErrors(): KnowledgeError[];
  /** What the last (re)load did with every file of the folder: loaded, skipped or failed. */
  knowledgeFiles(): FileReport[];
  /**
   * Re-reads the knowledge folder and builds a new snapshot beside the old one,
   * then swaps it in one step: questions in flight finish on the old one.
   * Every good change applies; a file that fails keeps serving its last good version.
   */
  reload(): Promise<ReloadResult>;
  /**
   * One exchange of a conversation (conversation/respond.ts) done where the index is: the
   * server's engine does it in its worker thread, so the thread serving HTTP does no text
   * work. Absent or null: the caller runs `respond` itself.
   */
  converse?(question: string, turns: readonly Turn[], options: ExchangeOptions, at: number): Exchange | null;
}
