import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/records/schema.js';
import { createSqliteRecorder, DB_FILE, openRecorder, type RecordStore } from '../../src/records/sqlite-recorder.js';
import { captureLogger, HASH_A, HASH_B, question, tempDir, vote } from './helpers.js';

const DAY = 86_400_000;
let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

function fresh(options: { retentionDays?: number; now?: () => number } = {}) {
  const { dir, cleanup } = tempDir();
  const log = captureLogger();
  const file = path.join(dir, 'sub', DB_FILE);
  const store = createSqliteRecorder({ file, retentionDays: options.retentionDays ?? 90, logger: log.logger, ...(options.now ? { now: options.now } : {}) });
  cleanups.push(() => store.close(), cleanup);
  return { store, file, dir, ...log };
}

const rows = (file: string, table: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
};

describe('SQLite recorder', () => {
  it('creates the database with its schema, in WAL mode, on first start', () => {
    const { store, file } = fresh();
    store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r: any) => r.name);
    expect(tables).toEqual(['feedback', 'questions']);
    db.close();
  });

  it('stores every field of a question and a vote, and reads them back', () => {
    const { store, file } = fresh();
    const at = new Date('2026-11-20T08:00:00Z');
    store.recordQuestion(question({ at, answered: false, passageIds: [], scores: [], chatType: 'group', latencyMs: 12.6 }));
    store.recordFeedback(vote({ at }));
    store.flush();
    expect(rows(file, 'questions')).toEqual([
      { id: 1, at: at.getTime(), channel: 'telegram', chat_type: 'group', question: '东江湖一共能蓄多少水', answered: 0, passage_ids: '[]', scores: '[]', latency_ms: 13, user_hash: HASH_A, chat_hash: HASH_B },
    ]);
    expect(rows(file, 'feedback')).toEqual([{ id: 1, at: at.getTime(), channel: 'web', question: '东江湖一共能蓄多少水', passage_id: 'p1', vote: 'down', user_hash: HASH_A }]);
    expect(store.query.questions(new Date(0))[0]).toMatchObject({ answered: false, chatType: 'group', at });
    expect(store.query.feedback(new Date(at.getTime() + 1))).toEqual([]);
  });

  it('records before it returns: the row is committed when recordQuestion returns (durable before the reply)', () => {
    const { store, file } = fresh();
    store.recordQuestion(question());
    expect(rows(file, 'questions')).toHaveLength(1);
  });

  it('never stores a clear id: anything that is not a salted hash is dropped, and the bug is logged once', () => {
    const { store, file, lines } = fresh();
    store.recordQuestion(question({ userHash: '123456789', chatHash: '-1001234567890' }));
    store.recordQuestion(question({ userHash: '987654321', chatHash: null }));
    store.recordFeedback(vote({ userHash: '123456789' }));
    store.close();
    const raw = readFileSync(file).toString('latin1') + readFileSync(`${file}-wal`, { flag: 'a+' }).toString('latin1');
    expect(raw).not.toContain('123456789');
    expect(raw).not.toContain('1001234567890');
    expect(rows(file, 'questions').map((r) => [r.user_hash, r.chat_hash])).toEqual([[null, null], [null, null]]);
    expect(lines().filter((l) => String(l.msg).includes('not a salted hash'))).toHaveLength(1);
  });

  it('prunes rows older than the retention period at start and on demand', () => {
    let now = Date.parse('2026-11-26T00:00:00Z');
    const { store, file, dir, logger } = fresh({ retentionDays: 30, now: () => now });
    store.recordQuestion(question({ at: new Date(now - 40 * DAY), question: '旧问题' }));
    store.recordQuestion(question({ at: new Date(now - 10 * DAY), question: '新问题' }));
    store.recordFeedback(vote({ at: new Date(now - 31 * DAY) }));
    store.recordFeedback(vote({ at: new Date(now - 29 * DAY), passageId: 'p2' }));
    expect(store.prune()).toBe(2);
    expect(rows(file, 'questions').map((r) => r.question)).toEqual(['新问题']);
    expect(rows(file, 'feedback')).toHaveLength(1);
    store.close();

    // Twenty-five days later, a restart prunes what has aged out since.
    now += 25 * DAY;
    const again = createSqliteRecorder({ file, retentionDays: 30, logger, now: () => now });
    again.close();
    expect(rows(file, 'questions')).toHaveLength(0);
    expect(rows(file, 'feedback')).toHaveLength(0);
    expect(dir).toBeTruthy();
  });

  it('a closed database never throws: records are dropped and logged', () => {
    const { store, lines } = fresh();
    store.close();
    expect(() => store.recordQuestion(question())).not.toThrow();
    expect(() => store.recordFeedback(vote())).not.toThrow();
    expect(() => store.flush()).not.toThrow();
    expect(() => store.close()).not.toThrow();
    expect(lines().some((l) => l.level === 50 && String(l.msg).includes('record dropped'))).toBe(true);
  });

  it('a write that fails (the table is gone) is caught and logged, and later writes still work', () => {
    const { store, file, lines } = fresh();
    const other = new Database(file);
    other.exec('ALTER TABLE feedback RENAME TO feedback_old');
    store.recordFeedback(vote());
    expect(() => store.flush()).not.toThrow();
    other.exec('ALTER TABLE feedback_old RENAME TO feedback');
    other.close();
    expect(lines().some((l) => l.level === 50 && String(l.msg).includes('not written'))).toBe(true);
    store.recordFeedback(vote({ passageId: 'p9' }));
    store.flush();
    expect(rows(file, 'feedback').map((r) => r.passage_id)).toEqual(['p9']);
  });
});

describe('openRecorder', () => {
  let store: RecordStore | null = null;
  afterEach(() => store?.close());

  it('creates DATA_DIR and the database in it', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const { logger } = captureLogger();
    store = openRecorder({ dataDir: path.join(dir, 'data'), retentionDays: 90, logger });
    expect(store.kind).toBe('sqlite');
    expect(readFileSync(path.join(dir, 'data', DB_FILE)).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('falls back to memory with one clear error when DATA_DIR cannot be written', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    // A file where the folder should be: mkdir fails even for root, unlike chmod.
    const blocker = path.join(dir, 'not-a-dir');
    writeFileSync(blocker, 'x');
    const { logger, lines } = captureLogger();
    store = openRecorder({ dataDir: path.join(blocker, 'data'), retentionDays: 90, logger });
    expect(store.kind).toBe('memory');
    const errors = lines().filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    expect(String(errors[0]!.msg)).toContain('DATA_DIR');
    store.recordQuestion(question({ answered: false, question: '后天下冰雹吗' }));
    expect(store.query.questions(new Date(0)).map((q) => q.question)).toEqual(['后天下冰雹吗']);
  });

  it('falls back to memory when the file is not a database', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    writeFileSync(path.join(dir, DB_FILE), 'this is not sqlite, just text that is long enough to have a header');
    const { logger, lines } = captureLogger();
    store = openRecorder({ dataDir: dir, retentionDays: 90, logger });
    expect(store.kind).toBe('memory');
    expect(lines().filter((l) => l.level === 50)).toHaveLength(1);
  });
});
