import { checkQuestion } from '../answer/answer.js';
import { settle, type Answer, type AskOptions } from '../answer/types.js';
import type { Engine } from '../engine/types.js';
import { normalize } from '../text/normalize.js';
import { questionScript, type Script } from '../text/script.js';
import { answerArticleQuestion, detectArticleQuestion } from './article-question.js';
import { completeFollowUp, detectFollowUp, topicOf, type FollowUp } from './follow-up.js';
import { localizeAnswer } from './localize.js';
import type { ConversationStore, Turn } from './store.js';

export interface DialogueOptions extends AskOptions {
  /** The conversation this question belongs to; without it the question stands alone. */
  conversationId?: string;
  /** Show the answer in this script rather than the question's (a 更多 page of an earlier answer). */
  script?: Script;
}

export interface Dialogue {
  /** Answers one question of a conversation. Throws `QuestionError` for an empty or over-long question. */
  ask(question: string, options?: DialogueOptions): Promise<Answer>;
}

export interface DialogueDeps {
  engine: Pick<Engine, 'answer' | 'articles' | 'passage'>;
  store: ConversationStore;
  /** Told when the store fails; the question is then answered on its own. */
  onStoreError?: (error: unknown) => void;
  now?: () => number;
}

const NO_MORE = '关于这个问题，没有更多出处了。';

/** The completion counts only if the answer shows what the follow-up itself named (综保区 in 那综保区呢). */
function shows(answer: Answer, own: string[]): boolean {
  if (!answer.answered) return false;
  const shown = normalize([...answer.results.map((r) => r.excerpt), answer.faq?.answer ?? ''].join('\n'));
  return own.every((w) => shown.includes(w));
}

/**
 * The answer path with a memory: questions about the article itself are answered
 * from its byline and metadata, follow-ups are completed from the previous turn
 * before they reach `engine.answer`, and the answer is shown in the asker's script.
 * A complete question goes to `engine.answer` exactly as it is, so stand-alone
 * questions are answered as without a conversation.
 */
export function createDialogue(deps: DialogueDeps): Dialogue {
  const { engine, store } = deps;
  const now = deps.now ?? Date.now;
  // Builds the script tables now (once per process, ~0.3 s) rather than in the first question.
  questionScript('');

  async function turnsOf(id: string | undefined): Promise<Turn[]> {
    if (!id) return [];
    try {
      return await store.get(id);
    } catch (error) {
      deps.onStoreError?.(error);
      return [];
    }
  }

  function followUpAnswer(q: string, fu: FollowUp, turns: Turn[], options: AskOptions): { answer: Answer; topic: string[] } | null {
    const last = turns.at(-1)!;
    const completed = completeFollowUp(q, fu, last.topic);
    if (fu.kind === 'more') {
      const limit = options.limit ?? 3;
      // Everything already cited in the conversation, so 还有呢 twice does not go back to the first ones.
      const seen = new Set(turns.flatMap((t) => t.passageIds));
      // The curated answer was shown with the first answer already.
      const { faq: _shown, ...all } = engine.answer(completed.question, { limit: limit + seen.size, related: true });
      const results = all.results.filter((r) => !seen.has(r.passageId)).slice(0, limit);
      const answer = settle(results.length > 0 ? { ...all, results } : { ...all, answered: false, results: [], note: NO_MORE });
      return { answer: { ...answer, question: q, understoodAs: completed.question }, topic: completed.topic };
    }
    if (fu.own.length > 1) {
      // 那东江湖的蓄水量呢 names a whole new topic: answered on its own when that works.
      const alone = engine.answer(q, options);
      if (shows(alone, fu.own)) return { answer: alone, topic: topicOf(q) };
    }
    const answer = engine.answer(completed.question, options);
    if (!shows(answer, fu.own)) return null;
    return { answer: { ...answer, question: q, understoodAs: completed.question }, topic: completed.topic };
  }

  function articleIdOf(answer: Answer): string | undefined {
    const first = answer.results[0];
    if (!first) return undefined;
    // Answers about the article itself cite `<article id>:<fact>`, not a passage.
    return engine.passage(first.passageId)?.articleId ?? engine.articles().find((a) => first.passageId.startsWith(`${a.id}:`))?.id;
  }

  return {
    async ask(question, options = {}) {
      const q = checkQuestion(question);
      const { conversationId, script, ...askOptions } = options;
      const turns = await turnsOf(conversationId);
      const last = turns.at(-1);
      let answer: Answer | null = null;
      let topic: string[] | null = null;
      const about = detectArticleQuestion(q, engine.articles());
      if (about) {
        const all = engine.articles();
        const inConversation = all.find((a) => a.id === last?.articleId);
        const meant = about.named ?? inConversation ?? (all.length === 1 ? all[0] : null);
        answer = answerArticleQuestion(q, about.facts, meant ? [meant] : all);
        // Later pages (更多) of an answer from the byline have nothing more to show.
        if ((askOptions.offset ?? 0) > 0) answer = settle({ ...answer, results: [] });
        // 《战栗游戏》的作者是谁 may ask about the book the article is about: unless the question
        // points at the article itself, a fact the article does not record goes to the content.
        if (!answer.answered && !about.explicit) {
          const content = engine.answer(q, askOptions);
          if (content.answered) answer = content;
        }
      } else if (last && last.topic.length > 0) {
        const fu = detectFollowUp(q);
        const completed = fu ? followUpAnswer(q, fu, turns, askOptions) : null;
        if (completed) ({ answer, topic } = completed);
      }
      answer ??= engine.answer(q, askOptions);
      if (conversationId && (askOptions.offset ?? 0) === 0) {
        // A declined question leaves the topic as it was, so the next follow-up still has it.
        const turn: Turn = {
          question: q,
          topic: answer.answered && !about ? (topic ?? topicOf(q)) : (last?.topic ?? []),
          passageIds: answer.results.map((r) => r.passageId),
          at: now(),
        };
        const articleId = articleIdOf(answer) ?? last?.articleId;
        if (articleId) turn.articleId = articleId;
        try {
          await store.append(conversationId, turn);
        } catch (error) {
          deps.onStoreError?.(error);
        }
      }
      // A question that shows no script (蓄水量呢?) is answered in the conversation's.
      const carried = [...turns].reverse().map((t) => questionScript(t.question)).find(Boolean) ?? undefined;
      return localizeAnswer(answer, q, script ?? questionScript(q) ?? carried);
    },
  };
}
