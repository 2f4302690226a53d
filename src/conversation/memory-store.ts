import type { ConversationStore, Turn } from './store.js';

/** A follow-up leans on turns from the last 10 minutes at most. */
export const CONVERSATION_TTL_MS = 10 * 60_000;
/** Turns kept per conversation. */
export const MAX_TURNS = 5;
/** Conversations kept in memory; the least recently used is forgotten first. */
export const MAX_CONVERSATIONS = 10_000;

export interface MemoryStoreOptions {
  ttlMs?: number;
  maxTurns?: number;
  maxConversations?: number;
  /** The clock, for tests. */
  now?: () => number;
}

interface Entry {
  turns: Turn[];
  /** When the conversation expires: the TTL is refreshed by every append. */
  expiresAt: number;
}

/**
 * Conversations in a Map bounded in count (LRU), turns bounded per conversation,
 * and a TTL: a conversation untouched for `ttlMs` is gone, and turns older than
 * `ttlMs` are never returned. Memory stays flat however many chats come and go.
 */
export function createMemoryConversationStore(options: MemoryStoreOptions = {}): ConversationStore & { readonly size: number } {
  const ttlMs = options.ttlMs ?? CONVERSATION_TTL_MS;
  const maxTurns = options.maxTurns ?? MAX_TURNS;
  const maxConversations = options.maxConversations ?? MAX_CONVERSATIONS;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();

  const live = (id: string): Entry | undefined => {
    const entry = entries.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      entries.delete(id);
      return undefined;
    }
    return entry;
  };

  return {
    async get(id) {
      const entry = live(id);
      if (!entry) return [];
      const fresh = now() - ttlMs;
      return entry.turns.filter((t) => t.at > fresh).map((t) => ({ ...t, topic: [...t.topic], passageIds: [...t.passageIds] }));
    },
    async append(id, turn) {
      const entry = live(id) ?? { turns: [], expiresAt: 0 };
      entry.turns = [...entry.turns, { ...turn, topic: [...turn.topic], passageIds: [...turn.passageIds] }].slice(-maxTurns);
      entry.expiresAt = now() + ttlMs;
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      entries.delete(id);
      entries.set(id, entry);
      while (entries.size > maxConversations) entries.delete(entries.keys().next().value!);
    },
    get size() {
      return entries.size;
    },
  };
}
