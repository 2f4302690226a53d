import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPgRecorder, type PgRecordStore } from '../../src/records/pg-recorder.js';
import { PG_SCHEMA_VERSION, PRUNE_LOCK } from '../../src/records/pg-schema.js';
import { createSqliteRecorder } from '../../src/records/sqlite-recorder.js';
import { createReportSource } from '../../src/report/source.js';
import { describePostgres, startPostgres, type EngineServer } from '../helpers/engines.js';
import { captureLogger, HASH_A, question, tempDir, vote } from './helpers.js';

const DAY = 86_400_000;
let server: EngineServer;
let admin: pg.Pool;
const stores: PgRecordStore[] = [];

beforeAll(async () => {
  server = await startPostgres();
  admin = new pg.Pool({ connectionString: server.url, max: 2 });
  // The fault test stops the server under this pool's idle connections.
  admin.on('error', () => {});
});
afterAll(async () => {
  await Promise.allSettled(stores.map((s) => s.close(500)));
  await admin?.end();
  await server?.destroy();
});

function store(options: { retentionDays?: number; commitWaitMs?: number } = {}) {
  const log = captureLogger();
  const s = createPgRecorder({ url: server.url, retentionDays: options.retentionDays ?? 90, logger: log.logger, ...options });
  stores.push(s);
  return { store: s, ...log };
}
const count = async (table: string) => Number((await admin.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
const until = async (check: () => boolean | Promise<boolean>, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describePostgres('PostgreSQL recorder', () => {
  it('creates the schema once when several replicas start at the same moment', async () => {
    const replicas = [store(), store(), store()];
    await until(() => replicas.every((r) => r.store.health().state === 'ok'));
    const { rows } = await admin.query('SELECT version FROM chuchu_schema');
    expect(rows).toEqual([{ version: PG_SCHEMA_VERSION }]);
    const applied = replicas.flatMap((r) => r.lines().filter((l) => l.msg === 'records: PostgreSQL schema ready').map((l) => l.applied));
    expect(applied.sort()).toEqual([0, 0, PG_SCHEMA_VERSION]);
  });

  it('settles a record only once it is committed, and reports read it back like SQLite does', async () => {
    const { store: s } = store();
    const before = await count('questions');
    await s.recordQuestion(question({ question: '郴州的高铁站在哪里', passageIds: ['a1', 'a2'], scores: [0.8, 0.2] }));
    // The promise settled: another connection sees the row now, not "soon".
    expect(await count('questions')).toBe(before + 1);

    const { dir, cleanup } = tempDir();
    const lite = createSqliteRecorder({ file: `${dir}/r.db`, retentionDays: 90, logger: captureLogger().logger });
    // Dated ahead, so the report covers these records and no other test's.
    const at = new Date(Date.now() + 3_600_000);
    const since = new Date(at.getTime() - 1);
    const records = [question({ question: '这个城市有几个机场', answered: false, passageIds: [], scores: [], at }), question({ channel: 'web', chatType: 'widget', at })];
    for (const r of records) {
      await s.recordQuestion(r);
      lite.recordQuestion(r);
    }
    await s.recordFeedback(vote({ at }));
    lite.recordFeedback(vote({ at }));
    lite.flush();
    const lookup = () => () => null;
    const fromPg = await createReportSource({ query: s.query, lookup }).report({ since });
    const fromLite = await createReportSource({ query: lite.query, lookup }).report({ since });
    lite.close();
    cleanup();
    expect({ ...fromPg, until: '' }).toEqual({ ...fromLite, until: '' });
    expect(fromPg.total.asked).toBe(records.length);
  });

  it('writes questions and votes recorded together in one batch, each once', async () => {
    const { store: s } = store();
    const [q0, f0] = [await count('questions'), await count('feedback')];
    await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => s.recordQuestion(question({ question: `同一批的问题${i}` }))),
      ...Array.from({ length: 20 }, (_, i) => s.recordFeedback(vote({ passageId: `v${i}` }))),
    ]);
    expect([await count('questions'), await count('feedback')]).toEqual([q0 + 30, f0 + 20]);
  });

  it('keeps one vote per person, question and passage (the latest), and every anonymous vote', async () => {
    const { store: s } = store();
    const q = '投票规则测试';
    await s.recordFeedback(vote({ question: q, vote: 'up' }));
    // Two votes of one person in one batch, and two anonymous ones.
    await Promise.all([
      s.recordFeedback(vote({ question: q, vote: 'up' })),
      s.recordFeedback(vote({ question: q, vote: 'down' })),
      s.recordFeedback(vote({ question: q, vote: 'up', userHash: null })),
      s.recordFeedback(vote({ question: q, vote: 'up', userHash: null })),
    ]);
    const { rows } = await admin.query('SELECT vote, user_hash FROM feedback WHERE question = $1 ORDER BY user_hash NULLS FIRST', [q]);
    expect(rows).toEqual([
      { vote: 'up', user_hash: null },
      { vote: 'up', user_hash: null },
      { vote: 'down', user_hash: HASH_A },
    ]);
  });

  it('never stores an id that is not a salted hash', async () => {
    const { store: s } = store();
    await s.recordQuestion(question({ question: '明文编号测试', userHash: '123456789', chatHash: HASH_A }));
    const { rows } = await admin.query("SELECT user_hash, chat_hash FROM questions WHERE question = '明文编号测试'");
    expect(rows).toEqual([{ user_hash: null, chat_hash: HASH_A }]);
  });

  it('prunes past retention from one replica at a time, the rows deleted once', async () => {
    const old = new Date(Date.now() - 40 * DAY);
    const seed = store();
    for (let i = 0; i < 20; i++) await seed.store.recordQuestion(question({ question: `旧问题${i}`, at: old }));
    // Each replica also prunes once at start (after its schema check): count every deletion it logs.
    const [a, b] = [store({ retentionDays: 30 }), store({ retentionDays: 30 })];
    await Promise.all([a.store.prune(), b.store.prune(), a.store.prune()]);
    await until(() => a.store.health().state === 'ok' && b.store.health().state === 'ok');
    await new Promise((r) => setTimeout(r, 200));
    const deleted = [...a.lines(), ...b.lines()].filter((l) => l.msg === 'records: pruned old rows').reduce((sum, l) => sum + Number(l.deleted), 0);
    expect(deleted).toBe(20);
    // While another replica holds the pruning lock, this one skips (null) rather than prune too.
    const other = await admin.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock($1)', [PRUNE_LOCK]);
      expect(await a.store.prune()).toBeNull();
      await other.query('COMMIT');
    } finally {
      other.release();
    }
    expect(await a.store.prune()).toBe(0);
    expect(Number((await admin.query("SELECT count(*) AS n FROM questions WHERE question LIKE '旧问题%'")).rows[0].n)).toBe(0);
  });

  it('makes an answer wait at most commitWaitMs while PostgreSQL is slow, and writes the record once it can', async () => {
    const { store: s } = store({ commitWaitMs: 300 });
    await until(() => s.health().state === 'ok');
    const blocker = await admin.connect();
    try {
      // A stuck table: every insert waits for this transaction.
      await blocker.query('BEGIN; LOCK TABLE questions IN ACCESS EXCLUSIVE MODE');
      const t0 = Date.now();
      await s.recordQuestion(question({ question: '数据库很慢时的问题' }));
      expect(Date.now() - t0).toBeLessThan(1_500);
      expect(s.health().buffered).toBe(1);
      await new Promise((r) => setTimeout(r, 500));
      await blocker.query('COMMIT');
    } finally {
      blocker.release();
    }
    await until(() => s.health().buffered === 0);
    expect(Number((await admin.query("SELECT count(*) AS n FROM questions WHERE question = '数据库很慢时的问题'")).rows[0].n)).toBe(1);
  });

  it('buffers while PostgreSQL is down, answers without waiting, and writes everything once when it is back', async () => {
    const { store: s, lines } = store({ commitWaitMs: 2_000 });
    await until(() => s.health().state === 'ok');
    const before = await count('questions');
    await server.stop();
    try {
      const t0 = Date.now();
      for (let i = 0; i < 30; i++) await s.recordQuestion(question({ question: `停机时的问题${i}` }));
      // The first waits for the failed write (a connection refused is quick); the rest go at once.
      expect(Date.now() - t0).toBeLessThan(4_000);
      expect(s.health()).toMatchObject({ kind: 'postgres', state: 'down', buffered: 30 });
      expect(lines().some((l) => String(l.msg).startsWith('records: PostgreSQL unavailable'))).toBe(true);
    } finally {
      await server.start();
    }
    await until(() => s.health().state === 'ok' && s.health().buffered === 0);
    expect(await count('questions')).toBe(before + 30);
    expect(Number((await admin.query("SELECT count(DISTINCT question) AS n FROM questions WHERE question LIKE '停机时的问题%'")).rows[0].n)).toBe(30);
  });
});
