import { describe, expect, it } from 'vitest';
import { createMemoryConversationStore } from '../../src/conversation/memory-store.js';
import { conversationStoreContract } from './store-contract.js';

let clock = 1_000_000;
const now = () => clock;

conversationStoreContract(
  'memory',
  async ({ ttlMs, maxTurns }) => ({
    store: createMemoryConversationStore({ ttlMs, maxTurns, now }),
    advance: async (ms) => void (clock += ms),
    close: async () => {},
  }),
  now,
);

describe('memory conversation store', () => {
  it('is bounded in conversations: the least recently used is forgotten first', async () => {
    const store = createMemoryConversationStore({ maxConversations: 3, now });
    const turn = { question: '问', topic: ['问'], passageIds: [], at: clock };
    for (const id of ['a', 'b', 'c']) await store.append(id, turn);
    await store.append('a', turn); // a is the most recent now
    await store.append('d', turn);
    expect(store.size).toBe(3);
    expect(await store.get('b')).toEqual([]);
    for (const id of ['a', 'c', 'd']) expect((await store.get(id)).length).toBeGreaterThan(0);
  });

  it('stays flat under many conversations', async () => {
    const store = createMemoryConversationStore({ maxConversations: 100, now });
    for (let i = 0; i < 5_000; i++) await store.append(`c${i}`, { question: `问${i}`, topic: [], passageIds: [], at: clock });
    expect(store.size).toBe(100);
  });

  it('hands out copies: changing a returned turn changes nothing stored', async () => {
    const store = createMemoryConversationStore({ now });
    await store.append('x', { question: '问', topic: ['东江湖'], passageIds: ['p1'], at: clock });
    const [t] = await store.get('x');
    t!.topic.push('改');
    t!.passageIds.length = 0;
    expect(await store.get('x')).toEqual([{ question: '问', topic: ['东江湖'], passageIds: ['p1'], at: clock }]);
  });
});
