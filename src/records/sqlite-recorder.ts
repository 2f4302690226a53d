import path from 'node:path';
import type { Logger } from 'pino';
import type { FeedbackRecord, QuestionRecord } from './recorder.js';
import { openDatabase, RecordsError } from './sqlite-file.js';
import { createSqliteQuery } from './sqlite-query.js';
import { createMemoryStore, type RecordStore } from './store.js';
import { throttledErrorLog } from './throttled-log.js';

export type { RecordStore } from './store.js';
export { RecordsError };

/** The database file inside DATA_DIR. */
export const DB_FILE = 'chuchu.db';
const DAY_MS = 86_400_000;
/** Only the top passages matter to a report; a longer list is cut. */
const MAX_PASSAGES = 10;
/** A write slower than this is logged (throttled): the disk is holding answers up. */
const SLOW_WRITE_MS = 50;
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
 * Stores questions and feedback in SQLite, each committed when `recordQuestion` returns
 * (the Recorder's "durable before the reply": one INSERT in WAL mode with synchronous=NORMAL,
 * about 0.1 ms, `npm run bench`'s record-insert; a kill -9 right after loses nothing, only an
 * OS crash could lose the last commits). A write waits at most the 200 ms busy timeout; every
 * database error is caught and logged. Throws RecordsError only when the file cannot be opened
 * or fails its integrity check.
 *
 * @example
 * const store = createSqliteRecorder({ file: 'data/chuchu.db', retentionDays: 90, logger });
 * store.recordQuestion(record); // committed when it returns
 * store.close();
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
  // One vote per user, question and passage (the latest): the partial unique index of migration 2.
  const insertFeedback = db.prepare(
    `INSERT INTO feedback (at, channel, question, passage_id, vote, user_hash) VALUES (@at, @channel, @question, @passageId, @vote, @userHash)
     ON CONFLICT (user_hash, question, passage_id) WHERE user_hash IS NOT NULL
     DO UPDATE SET vote = excluded.vote, at = excluded.at, channel = excluded.channel`,
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

  const writeOne = (item: Pending): void => {
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
  };

  let closed = false;
  const logSlow = throttledErrorLog(logger);
  /** Committed before it returns (its own transaction); never throws. */
  const write = (item: Pending): void => {
    if (closed) return logError(new Error('the recorder is closed'), 'records: record dropped');
    const started = performance.now();
    try {
      writeOne(item);
    } catch (err) {
      return logError(err, `records: a ${item.kind} record was not written`);
    }
    const ms = performance.now() - started;
    if (ms > SLOW_WRITE_MS) logSlow(new Error(`a write took ${Math.round(ms)} ms`), 'records: the disk is slow; answers wait for their records');
  };

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
    recordQuestion: (record) => write({ kind: 'question', record }),
    recordFeedback: (record) => write({ kind: 'feedback', record }),
    // Every record is committed as it comes: nothing waits to be flushed.
    flush: () => {},
    prune,
    close: () => {
      if (closed) return;
      closed = true;
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
    const damaged = err instanceof RecordsError && err.damaged;
    options.logger.error(
      { file, error: (err as Error).message },
      damaged
        ? `records: ${file} is damaged; keeping records in memory until restart. Stop chuchu, then move it aside (mv ${file} ${file}.damaged) ` +
            `and start again for a fresh one; rows can often be salvaged with: sqlite3 ${file}.damaged .recover | sqlite3 recovered.db`
        : `records: cannot use ${file}; keeping records in memory until restart (check that DATA_DIR is writable)`,
    );
    return createMemoryStore({ logger: options.logger });
  }
}
