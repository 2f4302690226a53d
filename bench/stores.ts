/**
 * What sharing costs per question: one `npm start` with the embedded stores (SQLite, memory)
 * beside one with DATABASE_URL and REDIS_URL (PostgreSQL 15 and Redis on loopback, started
 * here), asked the same questions one at a time, alternating, so both see the same noise.
 *   tsx bench/stores.ts [--requests 300]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startPostgres, startRedis } from '../tests/helpers/engine-servers.js';
import { ask, startReplica, waitReady, type Replica } from '../tests/helpers/replicas.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '300' } } });
const REQUESTS = Math.min(5_000, Math.max(10, Number(values.requests)));
const QUESTIONS = ['郴州到广州坐高铁要多久', '东江湖里的水能不能直接喝', '郴州有什么矿产资源', '郴州为什么说自己是湖南的南大门', '明天郴州会下雨吗'];

const dir = mkdtempSync(path.join(os.tmpdir(), 'chuchu-bench-stores-'));
const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
const common = { KNOWLEDGE_DIR: path.resolve('knowledge'), RATE_LIMIT_PER_MINUTE: '100000', HASH_SALT: 'bench-salt', TRUST_PROXY: 'true', LOG_LEVEL: 'warn' };
const replicas: Replica[] = [];
try {
  const embedded = await startReplica('embedded', { ...common, DATA_DIR: path.join(dir, 'embedded') });
  const shared = await startReplica('shared', { ...common, DATA_DIR: path.join(dir, 'shared'), DATABASE_URL: postgres.url, REDIS_URL: redis.url });
  replicas.push(embedded, shared);
  await Promise.all(replicas.map((r) => waitReady(r)));
  const times: Record<string, number[]> = { embedded: [], shared: [] };
  for (let i = 0; i < REQUESTS + 30; i++) {
    // Alternate which goes first; the first 30 rounds warm up (JIT, pools, connections).
    const order = i % 2 ? [embedded, shared] : [shared, embedded];
    for (const r of order) {
      const t0 = performance.now();
      const { status } = await ask(r, QUESTIONS[i % QUESTIONS.length]!, `10.1.${i % 250}.${i % 7}`);
      if (status !== 200) throw new Error(`${r.name}: HTTP ${status}`);
      if (i >= 30) times[r.name]!.push(performance.now() - t0);
    }
  }
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
  const row = (name: string) => {
    const xs = times[name]!;
    return { name, min: q(xs, 0), p50: q(xs, 0.5), p90: q(xs, 0.9), p99: q(xs, 0.99) };
  };
  const [e, s] = [row('embedded'), row('shared')];
  console.log(`\n${REQUESTS} questions each, one at a time, HTTP round trip on 127.0.0.1 (ms)\n`);
  console.log('| stores | floor | p50 | p90 | p99 |\n|---|---:|---:|---:|---:|');
  for (const r of [e, s]) console.log(`| ${r.name} | ${r.min.toFixed(2)} | ${r.p50.toFixed(2)} | ${r.p90.toFixed(2)} | ${r.p99.toFixed(2)} |`);
  console.log(`\nadded per question: p50 +${(s.p50 - e.p50).toFixed(2)} ms (×${(s.p50 / e.p50).toFixed(2)}), floor +${(s.min - e.min).toFixed(2)} ms (×${(s.min / e.min).toFixed(2)})`);
} finally {
  await Promise.allSettled(replicas.map((r) => r.stop()));
  await Promise.allSettled([postgres.destroy(), redis.destroy()]);
  rmSync(dir, { recursive: true, force: true });
}
