import pg from 'pg';
import type { Logger } from 'pino';
import { createPgQuery } from './pg-query.js';
import { feedbackRow, insertRows, questionRow, type PendingRow } from './pg-rows.js';
import { migratePg, prunePg } from './pg-schema.js';
import type { RecordsReader } from './query.js';
import type { Recorder } from './recorder.js';
import { throttledErrorLog } from './throttled-log.js';

const DAY_MS = 86_400_000;
/** Records waiting while PostgreSQL is down; beyond this new ones are dropped (and logged), not hoarded. */
export const MAX_BUFFERED = 10_000;
/** Rows per INSERT (11 parameters each: well under PostgreSQL's 65,535). */
const BATCH = 500;
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

/** What /api/health says about the records store. */
export interface RecordsHealth {
  kind: 'postgres' | 'sqlite' | 'memory';
  state: 'ok' | 'connecting' | 'down';
  /** Records written by no database yet. */
  buffered: number;
}

export interface PgRecordStore extends Recorder {
  kind: 'postgres';
  query: RecordsReader;
  health(): RecordsHealth;
  /** Resolves once everything buffered is written, or the next write fails. */
  flush(): Promise<void>;
  /** Deletes rows past retention; null when another replica is pruning. */
  prune(): Promise<number | null>;
  /** Writes what it can within `graceMs`, then closes the pool. */
  close(graceMs?: number): Promise<void>;
}

export interface PgRecorderOptions {
  url: string;
  retentionDays: number;
  logger: Logger;
  /** Connections per replica (default 4): replicas × this must stay under the server's max_connections. */
  poolMax?: number;
  /** How long an answer waits for its record's commit while the database is up (default 1 s). */
  commitWaitMs?: number;
  pruneIntervalMs?: number;
}

interface Pending {
  row: PendingRow;
  done: () => void;
}

/**
 * Records in PostgreSQL, shared by every replica. While the database is up, each
 * record's promise settles when its batch is committed (answers wait for it, bounded
 * by `commitWaitMs`), so a replica killed after answering has lost nothing. While it
 * is down or the schema is not yet created, records wait in a bounded buffer, answers
 * go out at once, and a retry loop (backing off to 5 s) writes them when it is back.
 *
 * @example
 * const store = createPgRecorder({ url: process.env.DATABASE_URL!, retentionDays: 90, logger });
 * await store.recordQuestion(record); // settles once committed (or at once while the database is down)
 */
export function createPgRecorder(options: PgRecorderOptions): PgRecordStore {
  const { logger, retentionDays } = options;
  const commitWaitMs = options.commitWaitMs ?? 1_000;
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax ?? 4,
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 30_000,
    // Client-side bound: a stalled server fails the write (which is retried) instead of holding it.
    query_timeout: 5_000,
    application_name: 'chuchu',
    // A commit returns once in PostgreSQL's WAL buffer, not on disk: a killed replica loses
    // nothing it answered, a crashed database server at most its last fraction of a second.
    options: '-c synchronous_commit=off',
  });
  const logError = throttledErrorLog(logger);
  // An idle client whose server went away emits here; unhandled it would crash the process.
  pool.on('error', (err) => logError(err, 'records: PostgreSQL connection lost'));

  let queue: Pending[] = [];
  let state: RecordsHealth['state'] = 'connecting';
  let schemaReady = false;
  let writing: Promise<void> | null = null;
  let retry: NodeJS.Timeout | null = null;
  let retryMs = RETRY_MIN_MS;
  let closed = false;

  const writeBatch = async (): Promise<void> => {
    const batch = queue.slice(0, BATCH);
    try {
      if (!schemaReady) {
        const applied = await migratePg(pool);
        schemaReady = true;
        logger.info({ applied }, 'records: PostgreSQL schema ready');
        void prune();
      }
      // With nothing to write this is a probe, so health turns back to ok when the database does.
      if (batch.length) await insertRows(pool, batch.map((p) => p.row));
      else await pool.query('SELECT 1');
      // Only this loop removes from the head; new records were appended behind the batch.
      queue = queue.slice(batch.length);
      for (const p of batch) p.done();
      if (state !== 'ok') logger.info({ buffered: queue.length }, 'records: writing to PostgreSQL');
      state = 'ok';
      retryMs = RETRY_MIN_MS;
    } catch (err) {
      if (state !== 'down') logger.error({ error: (err as Error).message, buffered: queue.length }, `records: PostgreSQL unavailable; buffering up to ${MAX_BUFFERED} records and retrying`);
      state = 'down';
      // Answers stop waiting for commits they will not get soon.
      for (const p of queue) p.done();
      retry = setTimeout(() => {
        retry = null;
        kick();
      }, retryMs);
      retry.unref();
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
    }
  };

  const kick = () => {
    if (writing || retry || (queue.length === 0 && state === 'ok')) return;
    writing = writeBatch().finally(() => {
      writing = null;
      kick();
    });
  };

  const enqueue = (row: PendingRow): Promise<void> | void => {
    if (closed) return logError(new Error('the recorder is closed'), 'records: record dropped');
    if (queue.length >= MAX_BUFFERED) return logError(new Error(`${MAX_BUFFERED} records buffered`), 'records: record dropped (PostgreSQL down too long)');
    let done!: () => void;
    const settled = new Promise<void>((resolve) => (done = resolve));
    queue.push({ row, done });
    kick();
    if (state === 'down') return;
    const timer = setTimeout(done, commitWaitMs);
    return settled.finally(() => clearTimeout(timer));
  };

  const prune = async (): Promise<number | null> => {
    try {
      const deleted = await prunePg(pool, new Date(Date.now() - retentionDays * DAY_MS));
      if (deleted) logger.info({ deleted, retentionDays }, 'records: pruned old rows');
      return deleted;
    } catch (err) {
      logError(err, 'records: pruning failed');
      return 0;
    }
  };
  // At start: create or migrate the schema (and prune) before the first record needs it.
  kick();
  const pruneTimer = setInterval(() => void prune(), options.pruneIntervalMs ?? 6 * 3_600_000);
  pruneTimer.unref();

  const flush = async () => {
    while (queue.length && !closed) {
      kick();
      if (!writing) return;
      await writing;
      if (state === 'down') return;
    }
  };

  return {
    kind: 'postgres',
    query: createPgQuery(pool),
    health: () => ({ kind: 'postgres', state, buffered: queue.length }),
    recordQuestion: (record) => enqueue(questionRow(record)),
    recordFeedback: (record) => enqueue(feedbackRow(record)),
    flush,
    prune,
    async close(graceMs = 3_000) {
      if (closed) return;
      clearInterval(pruneTimer);
      if (retry) clearTimeout(retry);
      retry = null;
      const grace = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
      await Promise.race([flush(), grace]);
      closed = true;
      if (queue.length) logger.error({ lost: queue.length }, 'records: PostgreSQL unavailable at shutdown; buffered records lost');
      await pool.end().catch(() => {});
    },
  };
}
