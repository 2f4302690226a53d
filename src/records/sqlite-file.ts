import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database, { type Database as Db } from 'better-sqlite3';
import { migrate } from './schema.js';

/** The records database could not be opened or created; `damaged`: the file is there but corrupt. */
export class RecordsError extends Error {
  override name = 'RecordsError';
  constructor(
    message: string,
    readonly damaged: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** SQLite's codes for a file that is not, or no longer, a sound database. */
const DAMAGED_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

/**
 * A half-corrupted file opens fine and fails later, on the report's first query. quick_check
 * reads every page (a second or so for a year of records) and catches that at start.
 */
function assertSound(db: Db): void {
  const result = db.pragma('quick_check', { simple: true });
  if (result !== 'ok') throw Object.assign(new Error(`quick_check: ${String(result).slice(0, 200)}`), { code: 'SQLITE_CORRUPT' });
}

/** Opens (or creates) the records database: WAL, a short busy timeout, an integrity check, the schema migrated. */
export function openDatabase(file: string): Db {
  try {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const db = new Database(file);
    try {
      db.pragma('journal_mode = WAL');
      // NORMAL is durable across application crashes in WAL mode; only an OS crash may lose the last commits.
      db.pragma('synchronous = NORMAL');
      // Short: a writer blocked this long blocks the event loop, and a record is not worth that.
      db.pragma('busy_timeout = 200');
      assertSound(db);
      migrate(db);
      return db;
    } catch (err) {
      db.close();
      throw err;
    }
  } catch (err) {
    const damaged = DAMAGED_CODES.has(String((err as { code?: unknown }).code));
    throw new RecordsError(`cannot open the records database ${file}: ${(err as Error).message}`, damaged, { cause: err });
  }
}
