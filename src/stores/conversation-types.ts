// The conversation store contract of issue 14 (src/conversation/store.ts once it lands; then import it from there).
export interface Turn {
  question: string;
  topic: string[];
  passageIds: string[];
  articleId?: string;
  at: number;
}
export interface ConversationStore {
  /** Recent turns, oldest first; expired turns (older than the TTL) are not returned. Never throws for a missing id. */
  get(id: string): Promise<Turn[]>;
  /** Appends a turn, keeping only the last few (max turns) and refreshing the TTL. */
  append(id: string, turn: Turn): Promise<void>;
}
