// src/conversation/store.ts
export interface Turn {
  question: string;      // as the user asked it
  topic: string[];       // the topic words used to complete a follow-up
  passageIds: string[];  // passages cited in the answer
  articleId?: string;    // the article of the first result, if any
  at: number;            // epoch ms
}
export interface ConversationStore {
  /** Recent turns, oldest first; expired turns (older than the TTL) are not returned. Never throws for a missing id. */
  get(id: string): Promise<Turn[]>;
  /** Appends a turn, keeping only the last few (max turns) and refreshing the TTL. */
  append(id: string, turn: Turn): Promise<void>;
}
