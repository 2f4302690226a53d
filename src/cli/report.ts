/**
 * The manager's report from the records database.
 *   npm run report                        the last 7 days, as text
 *   npm run report -- --since 30d         24h, 2w, or a date (2026-11-01)
 *   npm run report -- --csv out/          also writes channels/unanswered/disliked/articles.csv
 *   npm run report -- --json              the report object as JSON
 * --db FILE (default DATA_DIR/chuchu.db), --knowledge DIR (default KNOWLEDGE_DIR or knowledge),
 * for the article, section and paragraph of each passage. With DATABASE_URL set (and no --db),
 * the report reads PostgreSQL: the records of every replica.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createPgQuery } from '../records/pg-query.js';
import type { RecordsReader } from '../records/query.js';
import { createSqliteQuery } from '../records/sqlite-query.js';
import { DB_FILE } from '../records/sqlite-recorder.js';
import { reportCsv } from '../report/format-csv.js';
import { formatReportText } from '../report/format-text.js';
import { parseSince, PeriodError } from '../report/since.js';
import { createReportSource, knowledgeState } from '../report/source.js';

const { values } = parseArgs({
  options: {
    since: { type: 'string', default: '7d' },
    csv: { type: 'string' },
    db: { type: 'string' },
    knowledge: { type: 'string' },
    limit: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const since = parseSince(values.since);
  const { query, close } = openRecords();
  try {
    const { lookup, problems } = await knowledgeState(values.knowledge ?? (process.env.KNOWLEDGE_DIR || 'knowledge'));
    const limit = Math.max(1, Number(values.limit) || 20);
    const report = { ...(await createReportSource({ query, lookup: () => lookup }).report({ since, limit })), files: problems };
    console.log(values.json ? JSON.stringify(report, null, 2) : formatReportText(report));
    if (values.csv) {
      mkdirSync(values.csv, { recursive: true });
      for (const [name, content] of Object.entries(reportCsv(report))) writeFileSync(path.join(values.csv, name), content);
      console.error(`CSV written to ${values.csv}/ (channels, unanswered, disliked, articles)`);
    }
  } finally {
    await close();
  }
}

/** PostgreSQL when DATABASE_URL is set (and no --db), else the SQLite file, read-only. */
function openRecords(): { query: RecordsReader; close(): Promise<void> } {
  const url = process.env.DATABASE_URL?.trim();
  if (url && !values.db) {
    const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 5_000 });
    return { query: createPgQuery(pool), close: () => pool.end() };
  }
  const file = values.db ?? path.join(process.env.DATA_DIR || 'data', DB_FILE);
  if (!existsSync(file)) throw new Error(`no records database at ${file} (it is created when chuchu starts; or pass --db FILE)`);
  // Read-only: the running bot keeps writing; WAL lets both work at once.
  const db = new Database(file, { readonly: true, fileMustExist: true });
  return { query: createSqliteQuery(db), close: async () => void db.close() };
}

main().catch((err: Error) => {
  console.error(err instanceof PeriodError ? err.message : `report: ${err.message}`);
  process.exit(1);
});
