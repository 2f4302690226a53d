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
  /** Salted user hashes that already voted on this message (one vote each). */
  voters: Set<string>;
  /** 更多 was pressed: its page is sent, a stale button pressed again must not send it twice. */
  moreSent?: boolean;
}

/**
 * Keeps recent answers in memory under a short random id.
 *
 * Why: Telegram limits callback_data to 64 bytes, and a Chinese question alone
 * can take 1,500 bytes in UTF-8, so the buttons carry only an 8-character id.
 * It is a bounded LRU so memory stays flat; after eviction or a restart the
 * buttons answer "expired" instead of guessing.
 */
export interface AnswerStore {
  put(answer: Omit<StoredAnswer, 'voters'>): string;
  get(id: string): StoredAnswer | undefined;
  readonly size: number;
}

export function createAnswerStore(capacity = 5000): AnswerStore {
  const entries = new Map<string, StoredAnswer>();
  return {
    put(answer) {
      const id = randomBytes(6).toString('base64url');
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
    get size() {
      return entries.size;
    },
  };
}
