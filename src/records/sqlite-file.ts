import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database, { type Database as Db } from 'better-sqlite3';
import { migrate } from './schema.js';

/** The records database could not be opened or created. */
export class RecordsError extends Error {
  override name = 'RecordsError';
}

/** Opens (or creates) the records database: WAL, a short busy timeout, the schema migrated. */
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
      migrate(db);
      return db;
    } catch (err) {
      db.close();
      throw err;
    }
  } catch (err) {
    throw new RecordsError(`cannot open the records database ${file}: ${(err as Error).message}`, { cause: err });
  }
}
