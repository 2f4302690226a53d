import { describe, expect, it } from 'vitest';
import type { ConversationStore, Turn } from '../../src/conversation/store.js';

/** A store under test, with a way to let time pass (a fake clock, or real waiting for a server's TTL). */
export interface StoreUnderTest {
  store: ConversationStore;
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

export type MakeStore = (options: { ttlMs: number; maxTurns: number }) => Promise<StoreUnderTest>;

const turn = (question: string, at: number, extra: Partial<Turn> = {}): Turn => ({ question, topic: [question], passageIds: [`p-${question}`], at, ...extra });

/**
 * What every ConversationStore must do, memory or Redis alike: run it with the
 * implementation's factory. `now` gives the clock the turns are stamped with.
 */
export function conversationStoreContract(name: string, make: MakeStore, now: () => number = Date.now): void {
  describe(`ConversationStore contract: ${name}`, () => {
    it('returns no turns for an id it has never seen, without throwing', async () => {
      const s = await make({ ttlMs: 60_000, maxTurns: 5 });
      try {
        expect(await s.store.get('never-seen')).toEqual([]);
        expect(await s.store.get('')).toEqual([]);
      } finally {
        await s.close();
      }
    });

    it('keeps turns oldest first, with every field, and keeps conversations apart', async () => {
      const s = await make({ ttlMs: 60_000, maxTurns: 5 });
      try {
        await s.store.append('a', turn('一', now(), { articleId: 'art-1' }));
        await s.store.append('a', turn('二', now()));
        await s.store.append('b', turn('别的', now()));
        const a = await s.store.get('a');
        expect(a.map((t) => t.question)).toEqual(['一', '二']);
        expect(a[0]).toEqual(turn('一', a[0]!.at, { articleId: 'art-1' }));
        expect(a[1]!.articleId).toBeUndefined();
        expect((await s.store.get('b')).map((t) => t.question)).toEqual(['别的']);
      } finally {
        await s.close();
      }
    });

    it('keeps only the last maxTurns turns', async () => {
      const s = await make({ ttlMs: 60_000, maxTurns: 3 });
      try {
        for (const q of ['1', '2', '3', '4', '5']) await s.store.append('c', turn(q, now()));
        expect((await s.store.get('c')).map((t) => t.question)).toEqual(['3', '4', '5']);
      } finally {
        await s.close();
      }
    });

    it('forgets a conversation left alone longer than the TTL; an append refreshes it', async () => {
      const s = await make({ ttlMs: 1_000, maxTurns: 5 });
      try {
        await s.store.append('d', turn('早', now()));
        await s.advance(600);
        await s.store.append('e', turn('先', now()));
        await s.advance(600);
        expect(await s.store.get('d')).toEqual([]);
        expect((await s.store.get('e')).map((t) => t.question)).toEqual(['先']);
        await s.store.append('e', turn('后', now()));
        await s.advance(600);
        // '先' is older than the TTL now and is not returned; the conversation itself lives on.
        expect((await s.store.get('e')).map((t) => t.question)).toEqual(['后']);
      } finally {
        await s.close();
      }
    });
  });
}
