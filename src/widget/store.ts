import type { Answer } from '../answer/types.js';

/** One item of the conversation, as kept across page reloads. */
export type Entry =
  | { kind: 'question'; text: string }
  | { kind: 'answer'; answer: Answer; vote?: 'up' | 'down' }
  | { kind: 'error'; question: string; message: string; retry: boolean };

export interface Saved {
  open: boolean;
  entries: Entry[];
  /** One conversation per page session (the tab), so follow-ups are read with the questions before them. */
  conversationId: string;
}

/** 16 random URL-safe characters: the API accepts 8–64 of [A-Za-z0-9_-]. */
function newConversationId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

const MAX_ENTRIES = 60;

/**
 * The conversation in sessionStorage, so it survives a reload within the tab but not beyond.
 * Storage can be missing or full (private mode, sandboxed iframes): then we simply forget.
 */
export function createStore(key: string) {
  function read(): Saved {
    try {
      const raw = window.sessionStorage.getItem(key);
      const saved = raw ? (JSON.parse(raw) as Partial<Saved>) : null;
      if (saved && Array.isArray(saved.entries)) {
        const id = typeof saved.conversationId === 'string' && /^[\w-]{8,64}$/u.test(saved.conversationId) ? saved.conversationId : newConversationId();
        return { open: saved.open === true, entries: saved.entries, conversationId: id };
      }
    } catch {
      // unreadable or corrupt: start fresh
    }
    return { open: false, entries: [], conversationId: newConversationId() };
  }

  const state = read();

  function save(): void {
    try {
      state.entries = state.entries.slice(-MAX_ENTRIES);
      window.sessionStorage.setItem(key, JSON.stringify(state));
    } catch {
      // quota or privacy settings: keep working without persistence
    }
  }

  return { state, save };
}

export type Store = ReturnType<typeof createStore>;
