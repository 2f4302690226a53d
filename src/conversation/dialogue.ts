import type { Answer } from '../answer/types.js';
import type { Answerer, Exchange, ExchangeOptions } from './respond.js';
import type { Script } from '../text/script.js';
import type { ConversationStore, Turn } from './store.js';

export interface DialogueOptions extends Omit<ExchangeOptions, 'inConversation'> {
  /** The conversation this question belongs to; without it the question stands alone. */
  conversationId?: string;
  /** Show the answer in this script rather than the question's (a 更多 page of an earlier answer). */
  script?: Script;
}

export interface Dialogue {
  /** Answers one question of a conversation. Throws `QuestionError` for an empty or over-long question. */
  ask(question: string, options?: DialogueOptions): Promise<Answer>;
}

/**
 * What a dialogue asks of the engine. An engine that has `converse` (the server's, in a worker
 * thread) does the whole exchange itself, so this thread does no text work; for any other
 * `respond` (conversation/respond.ts) runs here over its `answer`.
 */
export interface DialogueEngine extends Answerer {
  /** The whole exchange, done by the engine; null when this engine leaves it to the caller. */
  converse?(question: string, turns: readonly Turn[], options: ExchangeOptions, at: number): Exchange | null;
}

export interface DialogueDeps {
  engine: DialogueEngine;
  store: ConversationStore;
  /** Told when the store fails; the question is then answered on its own. */
  onStoreError?: (error: unknown) => void;
  now?: () => number;
}

/**
 * The answer path with a memory: the conversation's turns come from the store, the
 * exchange (questions about the article itself, follow-ups completed from the previous
 * turn, the answer in the asker's script) is `respond`'s, and its turn goes back to the
 * store. A complete question is answered exactly as without a conversation.
 */
export function createDialogue(deps: DialogueDeps): Dialogue {
  const { engine, store } = deps;
  const now = deps.now ?? Date.now;

  async function turnsOf(id: string | undefined): Promise<Turn[]> {
    if (!id) return [];
    try {
      return await store.get(id);
    } catch (error) {
      deps.onStoreError?.(error);
      return [];
    }
  }

  async function exchange(question: string, turns: Turn[], options: ExchangeOptions): Promise<Exchange> {
    const done = engine.converse?.(question, turns, options, now());
    if (done) return done;
    // Loaded on first use: a process whose engine converses never loads the text modules here.
    const { respond } = await import('./respond.js');
    return respond(engine, question, turns, options, now());
  }

  return {
    async ask(question, options = {}) {
      const { conversationId, ...rest } = options;
      const turns = await turnsOf(conversationId);
      const { answer, turn } = await exchange(question, turns, { ...rest, inConversation: Boolean(conversationId) });
      if (conversationId && turn) {
        try {
          await store.append(conversationId, turn);
        } catch (error) {
          deps.onStoreError?.(error);
        }
      }
      return answer;
    },
  };
}
