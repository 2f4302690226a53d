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
function insertInto(table: string, columns: string[], rows: unknown[][], values: unknown[], onConflict = 'ON CONFLICT (record_id) DO NOTHING'): string {
  const tuples = rows.map((row) => `(${row.map((v) => (values.push(v), `$${values.length}`)).join(', ')})`);
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${onConflict}`;
}

/**
 * A person's vote replaces their earlier one on the same question and passage (the Recorder
 * contract); a retried batch (same record_id) changes nothing. One statement cannot touch a row
 * twice, so a batch holding two votes of one person keeps only the later.
 */
const VOTE_UPSERT = `ON CONFLICT (user_hash, question, passage_id) WHERE user_hash IS NOT NULL
  DO UPDATE SET vote = EXCLUDED.vote, at = EXCLUDED.at, channel = EXCLUDED.channel, record_id = EXCLUDED.record_id
  WHERE feedback.record_id <> EXCLUDED.record_id`;
/** Votes by person (question, passage and hash; the later of two in one batch) and anonymous ones. Columns: record_id, at, channel, question, passage_id, vote, user_hash. */
function splitVotes(rows: unknown[][]): { byPerson: unknown[][]; anonymous: unknown[][] } {
  const byPerson = new Map<string, unknown[]>();
  const anonymous: unknown[][] = [];
  for (const row of rows) {
    if (row[6] === null) anonymous.push(row);
    else byPerson.set(JSON.stringify([row[6], row[3], row[4]]), row);
  }
  return { byPerson: [...byPerson.values()], anonymous };
}

/**
 * Writes a batch as one statement (so one round trip, and atomic without BEGIN/COMMIT):
 * a plain INSERT, or several as data-modifying CTEs.
 */
export async function insertRows(pool: Pool, rows: PendingRow[]): Promise<void> {
  const questions = rows.filter((r) => r.table === 'questions').map((r) => r.values);
  const feedback = rows.filter((r) => r.table === 'feedback').map((r) => r.values);
  const values: unknown[] = [];
  const parts = questions.length ? [insertInto('questions', QUESTION_COLUMNS, questions, values)] : [];
  const votes = splitVotes(feedback);
  if (votes.byPerson.length) parts.push(insertInto('feedback', FEEDBACK_COLUMNS, votes.byPerson, values, VOTE_UPSERT));
  if (votes.anonymous.length) parts.push(insertInto('feedback', FEEDBACK_COLUMNS, votes.anonymous, values));
  if (parts.length === 0) return;
  // Up to three INSERTs as one statement: all but the last as data-modifying CTEs.
  const text = parts.length === 1 ? parts[0]! : `WITH ${parts.slice(0, -1).map((part, i) => `w${i} AS (${part})`).join(', ')} ${parts.at(-1)}`;
  await pool.query({ text, values });
}
