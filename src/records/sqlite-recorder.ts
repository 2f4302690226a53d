import path from 'node:path';
import type { Logger } from 'pino';
import type { FeedbackRecord, QuestionRecord } from './recorder.js';
import { openDatabase } from './sqlite-file.js';
import { createSqliteQuery } from './sqlite-query.js';
import { createMemoryStore, type RecordStore } from './store.js';
import { throttledErrorLog } from './throttled-log.js';
import { createWriteQueue } from './write-queue.js';

export type { RecordStore } from './store.js';
export { RecordsError } from './sqlite-file.js';

/** The database file inside DATA_DIR. */
export const DB_FILE = 'chuchu.db';
const DAY_MS = 86_400_000;
/** Only the top passages matter to a report; a longer list is cut. */
const MAX_PASSAGES = 10;
/** What the channels' salted hashes look like (hex SHA-256, whole or cut to 32). A clear id never does. */
const HASH = /^[0-9a-f]{32,128}$/u;

export interface SqliteRecorderOptions {
  file: string;
  retentionDays: number;
  logger: Logger;
  /** How often old rows are pruned after the first prune at start (default 6 h). */
  pruneIntervalMs?: number;
  /** Clock, for retention tests. */
  now?: () => number;
}

type Pending = { kind: 'question'; record: QuestionRecord } | { kind: 'feedback'; record: FeedbackRecord };

/**
 * Stores questions and feedback in SQLite. Recording never slows or fails an answer:
 * records are queued and written together on the next turn of the event loop, and every
 * database error is caught and logged. Throws RecordsError only when the file cannot be opened.
 *
 * @example
 * const store = createSqliteRecorder({ file: 'data/chuchu.db', retentionDays: 90, logger });
 * store.recordQuestion(record); // returns at once
 * store.close();                // at shutdown: writes what is queued
 */
export function createSqliteRecorder(options: SqliteRecorderOptions): RecordStore {
  const { logger, retentionDays } = options;
  const now = options.now ?? Date.now;
  const db = openDatabase(options.file);
  const logError = throttledErrorLog(logger);
  const insertQuestion = db.prepare(
    `INSERT INTO questions (at, channel, chat_type, question, answered, passage_ids, scores, latency_ms, user_hash, chat_hash)
     VALUES (@at, @channel, @chatType, @question, @answered, @passageIds, @scores, @latencyMs, @userHash, @chatHash)`,
  );
  const insertFeedback = db.prepare(
    `INSERT INTO feedback (at, channel, question, passage_id, vote, user_hash) VALUES (@at, @channel, @question, @passageId, @vote, @userHash)`,
  );
  const pruneQuestions = db.prepare('DELETE FROM questions WHERE at < ?');
  const pruneFeedback = db.prepare('DELETE FROM feedback WHERE at < ?');
  const query = createSqliteQuery(db);

  let warnedClearId = false;
  /** Defence in depth: a channel that passed a raw id by mistake must not put it on disk. */
  const hashOnly = (value: string | null): string | null => {
    if (value === null || HASH.test(value)) return value;
    if (!warnedClearId) logger.error('records: a user or chat id that is not a salted hash was dropped (a channel bug)');
    warnedClearId = true;
    return null;
  };
  const timeOf = (at: Date) => (Number.isFinite(at.getTime()) ? at.getTime() : now());

  const writeAll = db.transaction((items: Pending[]) => {
    for (const item of items) {
      if (item.kind === 'question') {
        const r = item.record;
        insertQuestion.run({
          at: timeOf(r.at),
          channel: r.channel,
          chatType: r.chatType,
          question: r.question,
          answered: r.answered ? 1 : 0,
          passageIds: JSON.stringify(r.passageIds.slice(0, MAX_PASSAGES)),
          scores: JSON.stringify(r.scores.slice(0, MAX_PASSAGES)),
          latencyMs: Math.max(0, Math.round(r.latencyMs)),
          userHash: hashOnly(r.userHash),
          chatHash: hashOnly(r.chatHash),
        });
      } else {
        const r = item.record;
        insertFeedback.run({ at: timeOf(r.at), channel: r.channel, question: r.question, passageId: r.passageId, vote: r.vote, userHash: hashOnly(r.userHash) });
      }
    }
  });

  const queue = createWriteQueue<Pending>(writeAll, logError);
  let closed = false;

  const prune = (): number => {
    try {
      const cutoff = now() - retentionDays * DAY_MS;
      const deleted = db.transaction(() => pruneQuestions.run(cutoff).changes + pruneFeedback.run(cutoff).changes)();
      if (deleted > 0) logger.info({ deleted, retentionDays }, 'records: pruned old rows');
      return deleted;
    } catch (err) {
      logError(err, 'records: pruning failed');
      return 0;
    }
  };

  prune();
  const timer = setInterval(prune, options.pruneIntervalMs ?? 6 * 3_600_000);
  // Pruning is housekeeping: it must not keep the process alive at shutdown.
  timer.unref();

  return {
    kind: 'sqlite',
    query,
    recordQuestion: (record) => queue.add({ kind: 'question', record }),
    recordFeedback: (record) => queue.add({ kind: 'feedback', record }),
    flush: queue.flush,
    prune,
    close: () => {
      if (closed) return;
      closed = true;
      queue.close();
      clearInterval(timer);
      try {
        db.close();
      } catch (err) {
        logError(err, 'records: closing the database failed');
      }
    },
  };
}

/**
 * Opens DATA_DIR/chuchu.db; when that fails (an unwritable DATA_DIR, a damaged file),
 * logs one clear error and keeps records in memory, so the bot still starts and answers.
 */
export function openRecorder(options: { dataDir: string; retentionDays: number; logger: Logger }): RecordStore {
  const file = path.join(options.dataDir, DB_FILE);
  try {
    const store = createSqliteRecorder({ file, retentionDays: options.retentionDays, logger: options.logger });
    options.logger.info({ file, retentionDays: options.retentionDays }, 'records: writing to SQLite');
    return store;
  } catch (err) {
    options.logger.error(
      { file, error: (err as Error).message },
      `records: cannot use ${file}; keeping records in memory until restart (check that DATA_DIR is writable)`,
    );
    return createMemoryStore();
  }
}
