import { randomBytes } from 'node:crypto';
import type { Script } from '../text/script.js';

/** What the buttons under one answer message need to know. */
export interface StoredAnswer {
  question: string;
  chatType: string;
  /** Passages shown in that message, for 👍/👎 records. */
  passageIds: string[];
  /** The script the answer was shown in, so its 更多 pages match. */
  script?: Script;
  /** Offset of the next page, for 更多. */
  nextOffset: number;
  /** "Did you mean" questions offered under a declined answer, asked when their button is tapped. */
  didYouMean?: string[];
}

/**
 * Keeps recent answers in memory under a short random id.
 *
 * Why: Telegram limits callback_data to 64 bytes, and a Chinese question alone
 * can take 1,500 bytes in UTF-8, so the buttons carry only an 8-character id.
 * It is a bounded LRU so memory stays flat; after eviction or a restart the
 * buttons answer "expired" instead of guessing. A shared implementation (Redis,
 * src/stores/) answers later, hence the promises.
 */
export interface AnswerStore {
  put(answer: StoredAnswer): string | Promise<string>;
  get(id: string): StoredAnswer | undefined | Promise<StoredAnswer | undefined>;
  /** Whether this is the user's first vote on the message (one vote each); records it. */
  firstVote(id: string, userHash: string): boolean | Promise<boolean>;
  /** True for the first 更多 press on the message (its page is then sent once); false after. */
  claimMore(id: string): boolean | Promise<boolean>;
}

/** A fresh answer id: 8 base64url characters, short enough for callback_data. */
export const newAnswerId = () => randomBytes(6).toString('base64url');

/** The in-memory store answers at once; `put` can take the id (a shared store's fallback keeps its ids). */
export interface MemoryAnswerStore extends AnswerStore {
  put(answer: StoredAnswer, id?: string): string;
  get(id: string): StoredAnswer | undefined;
  firstVote(id: string, userHash: string): boolean;
  claimMore(id: string): boolean;
  readonly size: number;
}

export function createAnswerStore(capacity = 5000): MemoryAnswerStore {
  const entries = new Map<string, StoredAnswer & { voters: Set<string>; moreSent?: boolean }>();
  return {
    put(answer, id = newAnswerId()) {
      entries.set(id, { ...answer, voters: new Set() });
      if (entries.size > capacity) entries.delete(entries.keys().next().value!);
      return id;
    },
    get(id) {
      const entry = entries.get(id);
      if (entry) {
        // Re-insert so the map's insertion order doubles as recency order.
        entries.delete(id);
        entries.set(id, entry);
      }
      return entry;
    },
    firstVote(id, userHash) {
      const voters = entries.get(id)?.voters;
      if (!voters || voters.has(userHash)) return false;
      voters.add(userHash);
      return true;
    },
    claimMore(id) {
      const entry = entries.get(id);
      if (!entry || entry.moreSent) return false;
      entry.moreSent = true;
      return true;
    },
    get size() {
      return entries.size;
    },
  };
}
