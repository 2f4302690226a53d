/**
 * One conversation store, two processes: turns appended by one process (a replica) are
 * read by another, as a follow-up landing on the other replica reads them.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeRedis, startRedis, type EngineServer } from '../helpers/engines.js';

const run = promisify(execFile);
let redis: EngineServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis?.destroy());

/** Runs `body` in a fresh Node process with a connected Redis conversation store `store`; prints what it returns. */
async function inProcess(body: string): Promise<unknown> {
  const script = `
    import pino from 'pino';
    import { connectRedis } from './src/stores/redis-connection.ts';
    import { createRedisConversationStore } from './src/stores/redis-conversations.ts';
    const conn = connectRedis({ url: process.env.REDIS_URL, logger: pino({ level: 'silent' }) });
    while (conn.state() !== 'ok') await new Promise((r) => setTimeout(r, 20));
    const store = createRedisConversationStore(conn);
    const result = await (async () => { ${body} })();
    console.log(JSON.stringify(result ?? null));
    await conn.close();`;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, REDIS_URL: redis.url }, timeout: 30_000 });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

describeRedis('a conversation across processes', () => {
  it('continues in another process: the turns, oldest first, last five kept', async () => {
    await inProcess(`
      for (const q of ['一问', '二问', '三问']) await store.append('web:conv-x', { question: q, topic: [q], passageIds: ['p-' + q], articleId: 'a1', at: Date.now() });`);
    const seen = (await inProcess(`return (await store.get('web:conv-x')).map((t) => [t.question, t.topic, t.passageIds, t.articleId]);`)) as unknown[];
    expect(seen).toEqual([
      ['一问', ['一问'], ['p-一问'], 'a1'],
      ['二问', ['二问'], ['p-二问'], 'a1'],
      ['三问', ['三问'], ['p-三问'], 'a1'],
    ]);
    await inProcess(`for (const q of ['四问', '五问', '六问']) await store.append('web:conv-x', { question: q, topic: [], passageIds: [], at: Date.now() });`);
    expect(await inProcess(`return (await store.get('web:conv-x')).map((t) => t.question);`)).toEqual(['二问', '三问', '四问', '五问', '六问']);
    expect(await inProcess(`return store.get('web:another');`)).toEqual([]);
  });
});
