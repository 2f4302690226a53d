/**
 * What writing a record before the reply costs: one INSERT per question, each its own
 * transaction, in WAL mode with synchronous=NORMAL (the recorder's settings), against the
 * same inserts batched in one transaction (the old queue). Five runs of 5,000 each.
 *   tsx bench/record-insert.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../src/records/schema.js';

const RUNS = 5;
const PER_RUN = 5_000;
const dir = mkdtempSync(path.join(tmpdir(), 'chuchu-insert-'));
try {
  const db = new Database(path.join(dir, 'bench.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  migrate(db);
  const insert = db.prepare(
    `INSERT INTO questions (at, channel, chat_type, question, answered, passage_ids, scores, latency_ms, user_hash, chat_hash)
     VALUES (?, 'web', 'api', ?, 1, '["a#1","a#2","a#3"]', '[0.9,0.8,0.7]', 2, ?, NULL)`,
  );
  const row = (i: number) => [Date.now(), `东江湖的蓄水量有多大 ${i}`, 'f'.repeat(32)] as const;
  const batch = db.transaction((from: number) => {
    for (let i = from; i < from + PER_RUN; i++) insert.run(...row(i));
  });
  const single: number[] = [];
  const batched: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    let t = performance.now();
    for (let i = 0; i < PER_RUN; i++) insert.run(...row(i));
    single.push(((performance.now() - t) * 1000) / PER_RUN);
    t = performance.now();
    batch(0);
    batched.push(((performance.now() - t) * 1000) / PER_RUN);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const fmt = (xs: number[]) => ({ medianUs: Number(median(xs).toFixed(1)), floorUs: Number(Math.min(...xs).toFixed(1)) });
  console.log(JSON.stringify({ perInsert: { ownTransaction: fmt(single), batched: fmt(batched) }, ratio: Number((median(single) / median(batched)).toFixed(1)) }));
  db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
