/**
 * Replicas as deployed: three `npm start` processes sharing one PostgreSQL and one Redis
 * (both real, on loopback), the test playing the load balancer. Bounded: a few hundred
 * requests, about a minute with the start-ups.
 */
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, renameSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines, startPostgres, startRedis, type EngineServer } from '../helpers/engines.js';
import { ask, pool, startReplica, waitReady, type Replica } from '../helpers/replicas.js';
import { tempDir } from '../records/helpers.js';

const run = promisify(execFile);
const ADMIN_TOKEN = 'replica-test-admin-token-0123456789';
const LIMIT = 150;
const QUESTIONS = ['郴州到广州坐高铁要多久', '东江湖里的水能不能直接喝', '郴州有什么矿产资源', '郴州为什么说自己是湖南的南大门', '今天股市会涨吗'];

let postgres: EngineServer;
let redis: EngineServer;
let db: pg.Pool;
let replicas: Replica[] = [];
let folder: { dir: string; cleanup(): void };
const figures: Record<string, number> = {};

/** Swaps the knowledge symlink to a copy with one more FAQ entry: no watcher sees it, only a reload does. */
function publishKnowledgeVersion(): void {
  const next = join(folder.dir, 'knowledge-v2');
  cpSync(join(folder.dir, 'knowledge-v1'), next, { recursive: true });
  appendFileSync(join(next, 'faq.md'), '\n## 郴州的城市吉祥物叫什么名字？\n\n郴州的城市吉祥物是测试用的“小出处”。\n');
  symlinkSync(next, join(folder.dir, 'knowledge-next'));
  renameSync(join(folder.dir, 'knowledge-next'), join(folder.dir, 'knowledge'));
}

async function adminReport(replica: Replica): Promise<{ total: { asked: number } }> {
  const response = await fetch(`${replica.base}/api/admin/report?since=1h`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'x-forwarded-for': '192.0.2.250' } });
  expect(response.status).toBe(200);
  return (await response.json()) as { total: { asked: number } };
}
const health = async (replica: Replica) => (await (await fetch(`${replica.base}/api/health`, { headers: { 'x-forwarded-for': '192.0.2.251' } })).json()) as { stores: { records: { state: string; buffered: number }; redis: { state: string } } };
const rowsFor = async (pattern: string) => (await db.query<{ question: string; n: string }>('SELECT question, count(*) AS n FROM questions WHERE question LIKE $1 GROUP BY question', [pattern])).rows;
const until = async (check: () => Promise<boolean>, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};

beforeAll(async () => {
  // Build dist/ once here: three `npm start`s building a stale dist/ at once would race.
  await run(process.execPath, ['scripts/build.mjs']);
  folder = tempDir();
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  db = new pg.Pool({ connectionString: postgres.url, max: 2 });
  db.on('error', () => {});
  cpSync('knowledge', join(folder.dir, 'knowledge-v1'), { recursive: true });
  symlinkSync(join(folder.dir, 'knowledge-v1'), join(folder.dir, 'knowledge'));
  replicas = await Promise.all(
    ['a', 'b', 'c'].map((name) => {
      mkdirSync(join(folder.dir, `data-${name}`));
      return startReplica(name, {
        KNOWLEDGE_DIR: join(folder.dir, 'knowledge'),
        DATA_DIR: join(folder.dir, `data-${name}`),
        DATABASE_URL: postgres.url,
        REDIS_URL: redis.url,
        RATE_LIMIT_PER_MINUTE: String(LIMIT),
        TRUST_PROXY: '1',
        HASH_SALT: 'replica-test-salt',
        ADMIN_TOKEN,
      });
    }),
  );
  await Promise.all(replicas.map((r) => waitReady(r)));
}, 120_000);

afterAll(async () => {
  await Promise.allSettled(replicas.map((r) => r.stop()));
  await db?.end();
  await Promise.allSettled([postgres?.destroy(), redis?.destroy()]);
  folder?.cleanup();
  console.log(`multi-replica figures: ${JSON.stringify(figures)}`);
});

describeEngines('three replicas on one PostgreSQL and one Redis', () => {
  it('holds one per-client limit across replicas', async () => {
    const [a, b] = replicas;
    const statuses = await pool(200, 8, async (i) => (await ask(i % 2 ? b! : a!, `${QUESTIONS[i % QUESTIONS.length]}（限流${i}）`, '203.0.113.7')).status);
    figures.limitRequests = statuses.length;
    figures.limitAnswered = statuses.filter((s) => s === 200).length;
    figures.limitRefused = statuses.filter((s) => s === 429).length;
    expect(figures.limitAnswered).toBe(LIMIT);
    expect(figures.limitRefused).toBe(200 - LIMIT);
    // Another client is not affected by the first one's limit.
    expect((await ask(b!, QUESTIONS[0]!, '203.0.113.8')).status).toBe(200);
  });

  it('continues a conversation on another replica: the follow-up is completed from the turn kept in Redis', async () => {
    const [a, b] = replicas;
    const ip = '198.51.100.250';
    const conversationId = 'across-replicas-1';
    const first = await ask(a!, '香港工人打包一件包裹收费多少?', ip, { conversationId });
    expect(first.status).toBe(200);
    expect(first.body.answered).toBe(true);
    const cited = (first.body.results as Array<{ passageId: string; excerpt: string }>)[0]!;
    expect(cited.excerpt).toContain('包裹');
    // Only B answers the follow-up: without the turn A stored, 那郴州呢 says nothing about parcels.
    const followUp = await ask(b!, '那郴州呢?', ip, { conversationId });
    expect(followUp.status).toBe(200);
    expect(followUp.body.answered).toBe(true);
    expect(followUp.body.understoodAs).toMatch(/郴州.*包裹/u);
    const followed = followUp.body.results as Array<{ passageId: string; excerpt: string }>;
    expect(followed[0]!.passageId).toBe(cited.passageId);
    expect(followed[0]!.excerpt).toContain('在郴州只需5元');
    // The same words in a conversation B never saw carry no context.
    const fresh = await ask(b!, '那郴州呢?', ip, { conversationId: 'across-replicas-2' });
    expect(fresh.status).toBe(200);
    expect(fresh.body.understoodAs).toBeUndefined();
    expect((fresh.body.results as Array<{ passageId: string }>).map((r) => r.passageId)).not.toContain(cited.passageId);
  });

  it('makes a reload on one replica reach the others', async () => {
    const [a, b, c] = replicas;
    const question = '郴州的城市吉祥物叫什么名字？';
    expect((await ask(b!, question, '198.51.100.1')).body.faq).toBeUndefined();
    publishKnowledgeVersion();
    const reload = await fetch(`${a!.base}/api/admin/reload`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'x-forwarded-for': '192.0.2.249' } });
    expect(reload.status).toBe(200);
    for (const replica of [b!, c!]) await until(async () => (await ask(replica, question, '198.51.100.2')).body.faq !== undefined);
  });

  it('answers every request after a replica is killed, and records each answered question once', async () => {
    const live = [...replicas];
    let killedAt = -1;
    const outcomes = await pool(120, 6, async (i) => {
      if (i === 40) {
        // The load balancer stops sending to C as it dies; what C was answering is cut off.
        killedAt = i;
        live.splice(live.indexOf(replicas[2]!), 1);
        await replicas[2]!.kill();
      }
      const question = `${QUESTIONS[i % QUESTIONS.length]}（负载${i}）`;
      const replica = live[i % live.length]!;
      try {
        const { status } = await ask(replica, question, `198.51.100.${10 + (i % 200)}`);
        return { i, question, status, afterKill: killedAt >= 0 && i > killedAt };
      } catch {
        return { i, question, status: 0, afterKill: killedAt >= 0 && i > killedAt };
      }
    });
    const answered = outcomes.filter((o) => o.status === 200);
    const afterKill = outcomes.filter((o) => o.afterKill);
    figures.loadRequests = outcomes.length;
    figures.loadAnswered = answered.length;
    figures.lostInFlightAtKill = outcomes.filter((o) => o.status === 0).length;
    figures.afterKillRequests = afterKill.length;
    figures.afterKillAnswered = afterKill.filter((o) => o.status === 200).length;
    expect(afterKill.length).toBeGreaterThan(60);
    expect(figures.afterKillAnswered).toBe(afterKill.length);

    const rows = await rowsFor('%（负载%');
    const counts = new Map(rows.map((r) => [r.question, Number(r.n)]));
    figures.loadRecords = rows.reduce((sum, r) => sum + Number(r.n), 0);
    for (const o of answered) expect(counts.get(o.question), o.question).toBe(1);
    // At most the requests cut off by the kill were recorded without their answer arriving.
    expect(figures.loadRecords - answered.length).toBeLessThanOrEqual(figures.lostInFlightAtKill);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);

    const total = Number((await db.query('SELECT count(*) AS n FROM questions')).rows[0].n);
    figures.recordsTotal = total;
    expect((await adminReport(replicas[1]!)).total.asked).toBe(total);
    // `npm run report` with DATABASE_URL reads the same shared records.
    const { stdout } = await run('npm', ['run', '-s', 'report', '--', '--json', '--since', '1h'], { env: { ...process.env, DATABASE_URL: postgres.url, KNOWLEDGE_DIR: join(folder.dir, 'knowledge') } });
    expect((JSON.parse(stdout) as { total: { asked: number } }).total.asked).toBe(total);
  });

  it('keeps answering with Redis and PostgreSQL down, then catches up without a restart', async () => {
    const [a, b] = replicas;
    await redis.stop();
    await postgres.stop();
    const questions = Array.from({ length: 10 }, (_, i) => `${QUESTIONS[i % QUESTIONS.length]}（停机${i}）`);
    try {
      for (const [i, q] of questions.entries()) expect((await ask(i % 2 ? b! : a!, q, '198.51.100.240')).status).toBe(200);
      const h = await health(a!);
      expect(h.stores.redis.state).toBe('down');
      expect(h.stores.records.state).toBe('down');
      expect(h.stores.records.buffered).toBeGreaterThan(0);
      expect(a!.output()).toContain('redis: unreachable');
      expect(a!.output()).toContain('records: PostgreSQL unavailable');
    } finally {
      await Promise.all([redis.start(), postgres.start()]);
    }
    for (const r of [a!, b!]) {
      await until(async () => {
        const h = await health(r);
        return h.stores.redis.state === 'ok' && h.stores.records.state === 'ok' && h.stores.records.buffered === 0;
      });
    }
    const rows = await rowsFor('%（停机%');
    expect(rows.map((r) => r.question).sort()).toEqual([...questions].sort());
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
  });
});
