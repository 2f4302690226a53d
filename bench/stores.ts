/**
 * What sharing costs per question: one `npm start` with the embedded stores (SQLite, memory)
 * beside one with REDIS_URL, one with DATABASE_URL and one with both (PostgreSQL 15 and Redis
 * on loopback, started here), asked the same questions one at a time, in turn, so all see
 * the same noise.
 *   tsx bench/stores.ts [--requests 300]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startPostgres, startRedis } from '../tests/helpers/engine-servers.js';
import { ask, startReplica, waitReady, type Replica } from '../tests/helpers/replicas.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '300' } } });
const REQUESTS = Math.min(5_000, Math.max(10, Number(values.requests)));
const QUESTIONS = ['郴州到广州坐高铁要多久', '东江湖里的水能不能直接喝', '郴州有什么矿产资源', '郴州为什么说自己是湖南的南大门', '明天郴州会下雨吗'];

// Build dist/ once: several `npm start`s building a stale dist/ at once would race.
execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
const dir = mkdtempSync(path.join(os.tmpdir(), 'chuchu-bench-stores-'));
const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
const common = { KNOWLEDGE_DIR: path.resolve('knowledge'), RATE_LIMIT_PER_MINUTE: '100000', HASH_SALT: 'bench-salt', TRUST_PROXY: '1', LOG_LEVEL: 'warn' };
const replicas: Replica[] = [];
try {
  const configs: Record<string, Record<string, string>> = {
    embedded: {},
    'Redis only': { REDIS_URL: redis.url },
    'PostgreSQL only': { DATABASE_URL: postgres.url },
    'PostgreSQL + Redis': { DATABASE_URL: postgres.url, REDIS_URL: redis.url },
  };
  for (const [name, env] of Object.entries(configs)) replicas.push(await startReplica(name, { ...common, DATA_DIR: path.join(dir, name.replace(/\W+/gu, '-')), ...env }));
  await Promise.all(replicas.map((r) => waitReady(r)));
  const times: Record<string, number[]> = Object.fromEntries(replicas.map((r) => [r.name, []]));
  for (let i = 0; i < REQUESTS + 30; i++) {
    // Rotate which goes first; the first 30 rounds warm up (JIT, pools, connections).
    const order = replicas.map((_, k) => replicas[(k + i) % replicas.length]!);
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
  const rows = replicas.map((r) => row(r.name));
  const e = rows[0]!;
  console.log(`\n${REQUESTS} questions each, one at a time, HTTP round trip on 127.0.0.1 (ms)\n`);
  console.log('| stores | floor | p50 | p90 | p99 | added p50 | added floor |\n|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const added = (a: number, b: number) => `+${(a - b).toFixed(2)} (×${(a / b).toFixed(2)})`;
    console.log(`| ${r.name} | ${r.min.toFixed(2)} | ${r.p50.toFixed(2)} | ${r.p90.toFixed(2)} | ${r.p99.toFixed(2)} | ${added(r.p50, e.p50)} | ${added(r.min, e.min)} |`);
  }
} finally {
  await Promise.allSettled(replicas.map((r) => r.stop()));
  await Promise.allSettled([postgres.destroy(), redis.destroy()]);
  rmSync(dir, { recursive: true, force: true });
}
