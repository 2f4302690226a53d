import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { FeedbackRecord, QuestionRecord } from './recorder.js';

/** Only the top passages matter to a report; a longer list is cut (as in SQLite). */
const MAX_PASSAGES = 10;
/** What the channels' salted hashes look like (hex SHA-256, whole or cut to 32). A clear id never does. */
const HASH = /^[0-9a-f]{32,128}$/u;

/** One record as the parameters of its row, with the id that makes a retried write count once. */
export type PendingRow = { table: 'questions'; values: unknown[] } | { table: 'feedback'; values: unknown[] };

const QUESTION_COLUMNS = ['record_id', 'at', 'channel', 'chat_type', 'question', 'answered', 'passage_ids', 'scores', 'latency_ms', 'user_hash', 'chat_hash'];
const FEEDBACK_COLUMNS = ['record_id', 'at', 'channel', 'question', 'passage_id', 'vote', 'user_hash'];

/** Defence in depth: a channel that passed a raw id by mistake must not put it in the database. */
export const hashOnly = (value: string | null): string | null => (value === null || HASH.test(value) ? value : null);
const time = (at: Date) => (Number.isFinite(at.getTime()) ? at : new Date());

export function questionRow(r: QuestionRecord): PendingRow {
  return {
    table: 'questions',
    values: [
      randomUUID(),
      time(r.at),
      r.channel,
      r.chatType,
      r.question,
      r.answered,
      JSON.stringify(r.passageIds.slice(0, MAX_PASSAGES)),
      JSON.stringify(r.scores.slice(0, MAX_PASSAGES)),
      Math.max(0, Math.round(r.latencyMs)),
      hashOnly(r.userHash),
      hashOnly(r.chatHash),
    ],
  };
}

export function feedbackRow(r: FeedbackRecord): PendingRow {
  return { table: 'feedback', values: [randomUUID(), time(r.at), r.channel, r.question, r.passageId, r.vote, hashOnly(r.userHash)] };
}

/** `INSERT INTO table (…) VALUES ($n, …), (…) ON CONFLICT (record_id) DO NOTHING`, numbering parameters into `values`. */
function insertInto(table: string, columns: string[], rows: unknown[][], values: unknown[]): string {
  const tuples = rows.map((row) => `(${row.map((v) => (values.push(v), `$${values.length}`)).join(', ')})`);
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ON CONFLICT (record_id) DO NOTHING`;
}

/**
 * Writes a batch as one statement (so one round trip, and atomic without BEGIN/COMMIT):
 * a plain INSERT, or both tables' INSERTs as data-modifying CTEs.
 */
export async function insertRows(pool: Pool, rows: PendingRow[]): Promise<void> {
  const questions = rows.filter((r) => r.table === 'questions').map((r) => r.values);
  const feedback = rows.filter((r) => r.table === 'feedback').map((r) => r.values);
  const values: unknown[] = [];
  const parts = [
    ...(questions.length ? [insertInto('questions', QUESTION_COLUMNS, questions, values)] : []),
    ...(feedback.length ? [insertInto('feedback', FEEDBACK_COLUMNS, feedback, values)] : []),
  ];
  if (parts.length === 0) return;
  const text = parts.length === 1 ? parts[0]! : `WITH q AS (${parts[0]}) ${parts[1]}`;
  await pool.query({ text, values });
}
