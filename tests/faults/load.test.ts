/** 50 concurrent clients asking for 5 s against a real listening server: every request 200 or 429, none dropped, no 5xx. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createEngine } from '../../src/engine/engine.js';
import { ERROR, listeningApp } from './server.js';

const QUESTIONS = ['东江湖一共能蓄多少水?', '郴州为什么要对接大湾区', '湟水是从哪里发源的', '跨境一锁通关是什么', '后天会不会下冰雹', '香港包裹费用'];
let app: FastifyInstance;
let url: string;
let logs: () => Array<{ level: number }>;

beforeAll(async () => {
  const engine = await createEngine({ knowledgeDir: 'knowledge' });
  // A low limit, so that both outcomes (answered and rate-limited) happen under load.
  ({ app, url, logs } = await listeningApp(engine, { rateLimit: { max: 600, timeWindowMs: 60_000 } }));
});
afterAll(() => app.close());

describe('under load', () => {
  it('answers every request of 50 concurrent clients for 5 s with 200 or 429', async () => {
    const statuses = new Map<number | string, number>();
    const deadline = Date.now() + 5_000;
    const client = async (c: number) => {
      for (let i = 0; Date.now() < deadline; i++) {
        let key: number | string;
        try {
          const res = await fetch(`${url}/api/ask`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ question: QUESTIONS[(c + i) % QUESTIONS.length] }),
            signal: AbortSignal.timeout(10_000),
          });
          await res.arrayBuffer();
          key = res.status;
        } catch (err) {
          key = `dropped: ${(err as Error).message}`;
        }
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, c) => client(c)));
    const summary = Object.fromEntries(statuses);
    expect(Object.keys(summary).every((k) => k === '200' || k === '429'), JSON.stringify(summary)).toBe(true);
    expect(summary[200]).toBeGreaterThan(0);
    expect(logs().filter((l) => l.level >= ERROR)).toEqual([]);
  }, 20_000);
});
