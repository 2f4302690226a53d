import type { Database } from 'better-sqlite3';

/**
 * The records schema as numbered migrations; `PRAGMA user_version` holds how many
 * have run. Append a migration to change the schema, never edit an applied one:
 * databases in the field have already run it.
 */
const MIGRATIONS: string[] = [
  `CREATE TABLE questions (
     id          INTEGER PRIMARY KEY,
     at          INTEGER NOT NULL,            -- ms since the epoch (UTC)
     channel     TEXT    NOT NULL,            -- cli | telegram | web
     chat_type   TEXT    NOT NULL,            -- private, group, inline, widget, api, …
     question    TEXT    NOT NULL,
     answered    INTEGER NOT NULL,            -- 1 answered, 0 declined
     passage_ids TEXT    NOT NULL,            -- JSON array, best first
     scores      TEXT    NOT NULL,            -- JSON array, same order
     latency_ms  INTEGER NOT NULL,
     user_hash   TEXT,                        -- salted hash, never the id in clear
     chat_hash   TEXT
   );
   CREATE INDEX questions_at ON questions (at);
   CREATE TABLE feedback (
     id         INTEGER PRIMARY KEY,
     at         INTEGER NOT NULL,
     channel    TEXT    NOT NULL,
     question   TEXT    NOT NULL,
     passage_id TEXT    NOT NULL,
     vote       TEXT    NOT NULL CHECK (vote IN ('up', 'down')),
     user_hash  TEXT
   );
   CREATE INDEX feedback_at ON feedback (at);`,
  // One vote per user, question and passage: keep each one's latest, then let the index hold it so.
  `DELETE FROM feedback WHERE user_hash IS NOT NULL AND id NOT IN (
     SELECT MAX(id) FROM feedback WHERE user_hash IS NOT NULL GROUP BY user_hash, question, passage_id);
   CREATE UNIQUE INDEX feedback_one_vote ON feedback (user_hash, question, passage_id) WHERE user_hash IS NOT NULL;`,
];

/** Brings a database up to the current schema, each migration in its own transaction. */
export function migrate(db: Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

export const SCHEMA_VERSION = MIGRATIONS.length;
