import type { Pool, PoolClient } from 'pg';

/**
 * The PostgreSQL records schema as numbered migrations; the `chuchu_schema` table
 * holds how many have run. Append a migration to change the schema, never edit an
 * applied one. Same columns as the SQLite schema (`schema.ts`), plus `record_id`:
 * a replica that retries a batch after a lost reply writes each record once.
 */
const MIGRATIONS: string[] = [
  `CREATE TABLE questions (
     id          BIGSERIAL PRIMARY KEY,
     record_id   UUID        NOT NULL UNIQUE,  -- made by the replica, so a retried batch is not counted twice
     at          TIMESTAMPTZ NOT NULL,
     channel     TEXT        NOT NULL,         -- cli | telegram | web
     chat_type   TEXT        NOT NULL,
     question    TEXT        NOT NULL,
     answered    BOOLEAN     NOT NULL,
     passage_ids JSONB       NOT NULL,         -- array, best first
     scores      JSONB       NOT NULL,         -- array, same order
     latency_ms  INTEGER     NOT NULL,
     user_hash   TEXT,                         -- salted hash, never the id in clear
     chat_hash   TEXT
   );
   CREATE INDEX questions_at ON questions (at);
   CREATE TABLE feedback (
     id         BIGSERIAL PRIMARY KEY,
     record_id  UUID        NOT NULL UNIQUE,
     at         TIMESTAMPTZ NOT NULL,
     channel    TEXT        NOT NULL,
     question   TEXT        NOT NULL,
     passage_id TEXT        NOT NULL,
     vote       TEXT        NOT NULL CHECK (vote IN ('up', 'down')),
     user_hash  TEXT
   );
   CREATE INDEX feedback_at ON feedback (at);`,
  // One vote per user, question and passage (the Recorder contract): keep each one's latest, then let the index hold it so.
  `DELETE FROM feedback WHERE user_hash IS NOT NULL AND id NOT IN (
     SELECT MAX(id) FROM feedback WHERE user_hash IS NOT NULL GROUP BY user_hash, question, passage_id);
   CREATE UNIQUE INDEX feedback_one_vote ON feedback (user_hash, question, passage_id) WHERE user_hash IS NOT NULL;`,
];

export const PG_SCHEMA_VERSION = MIGRATIONS.length;

/** Advisory lock keys (any two fixed 64-bit numbers no other application on the database uses). */
export const MIGRATION_LOCK = 0x6368_7563_6801; // "chuch" 1
export const PRUNE_LOCK = 0x6368_7563_6802;

/** Runs `work` in a transaction on a pooled client; a client that failed is discarded, not reused. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    failure = err as Error;
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release(failure);
  }
}

/**
 * Brings the database up to the current schema. Replicas starting at once queue on a
 * transaction-level advisory lock: the first runs the migrations, the others then find
 * them applied. All of it is one transaction, so a replica killed half-way leaves nothing.
 */
export async function migratePg(pool: Pool): Promise<number> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS chuchu_schema (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM chuchu_schema');
    if (rows.length === 0) await client.query('INSERT INTO chuchu_schema (version) VALUES (0)');
    const from = rows[0]?.version ?? 0;
    if (from > MIGRATIONS.length)
      throw new Error(`the records database has schema version ${from}, newer than this chuchu (${MIGRATIONS.length}): upgrade chuchu`);
    for (let v = from; v < MIGRATIONS.length; v++) await client.query(MIGRATIONS[v]!);
    await client.query('UPDATE chuchu_schema SET version = $1', [MIGRATIONS.length]);
    return MIGRATIONS.length - from;
  });
}

/**
 * Deletes rows older than `cutoff`, unless another replica is pruning right now
 * (then returns null: that replica does the work).
 */
export async function prunePg(pool: Pool, cutoff: Date): Promise<number | null> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [PRUNE_LOCK]);
    if (!rows[0]?.locked) return null;
    const q = await client.query('DELETE FROM questions WHERE at < $1', [cutoff]);
    const f = await client.query('DELETE FROM feedback WHERE at < $1', [cutoff]);
    return (q.rowCount ?? 0) + (f.rowCount ?? 0);
  });
}
