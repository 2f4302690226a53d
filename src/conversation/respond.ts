/**
 * One exchange of a conversation, without the store: what `Dialogue.ask` computes between
 * reading the conversation's turns and appending the new one. All of it is text work
 * (normalizing, segmenting, converting scripts) over the answer path, so the server runs
 * it where the index is, in the engine's worker thread (`Engine.converse`), and the main
 * thread only reads and writes the store.
 */
import { checkQuestion } from '../answer/answer.js';
import { settle, type Answer, type AskOptions } from '../answer/types.js';
import type { Article, Passage } from '../knowledge/types.js';
import { normalize } from '../text/normalize.js';
import { questionScript, type Script } from '../text/script.js';
import { answerArticleQuestion, detectArticleQuestion } from './article-question.js';
import { completeFollowUp, detectFollowUp, topicOf, type FollowUp } from './follow-up.js';
import { localizeAnswer } from './localize.js';
import type { Turn } from './store.js';

/** What an exchange asks of the engine (an `Engine` is one). */
export interface Answerer {
  answer(question: string, options?: AskOptions): Answer;
  articles(): Article[];
  passage(id: string): Passage | null;
}

export interface ExchangeOptions extends AskOptions {
  /** Show the answer in this script rather than the question's (a 更多 page of an earlier answer). */
  script?: Script;
  /** The question belongs to a conversation: a turn to append is returned. */
  inConversation?: boolean;
}

export interface Exchange {
  answer: Answer;
  /** The turn to append to the conversation, or null (no conversation, or a later page). */
  turn: Turn | null;
}

const NO_MORE = '关于这个问题，没有更多出处了。';

/** The completion counts only if the answer shows what the follow-up itself named (综保区 in 那综保区呢). */
function shows(answer: Answer, own: string[]): boolean {
  if (!answer.answered) return false;
  const shown = normalize([...answer.results.map((r) => r.excerpt), answer.faq?.answer ?? ''].join('\n'));
  return own.every((w) => shown.includes(w));
}

/** The fewest characters of one excerpt that hold all the words (Infinity when none does). */
function spread(answer: Answer, words: string[]): number {
  let best = Infinity;
  for (const r of answer.results) {
    const text = normalize(r.excerpt);
    // Windows that start at a word and end where the last of the others first occurs after it.
    excerpt: for (let start = 0; start < text.length; start++) {
      if (!words.some((w) => text.startsWith(w, start))) continue;
      let end = start;
      for (const w of words) {
        const at = text.indexOf(w, start);
        if (at < 0) continue excerpt;
        end = Math.max(end, at + w.length);
      }
      best = Math.min(best, end - start);
    }
  }
  return best;
}

function followUpAnswer(engine: Answerer, q: string, fu: FollowUp, turns: readonly Turn[], options: AskOptions): { answer: Answer; topic: string[] } | null {
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
  // 那东江湖的蓄水量呢 names a whole new topic: answered on its own when that shows its words, unless
  // the completed question shows them closer together (自贸区片区, not 自贸区郴州片区).
  const alone = fu.own.length > 1 ? engine.answer(q, options) : null;
  const aloneSpread = alone && shows(alone, fu.own) ? spread(alone, fu.own) : null;
  // Words shown side by side, as written, cannot be shown closer: the completion is not asked.
  if (alone && aloneSpread !== null && aloneSpread <= fu.own.join('').length) return { answer: alone, topic: topicOf(q) };
  const answer = engine.answer(completed.question, options);
  const completedShows = shows(answer, fu.own);
  if (alone && aloneSpread !== null && (!completedShows || aloneSpread <= spread(answer, fu.own))) return { answer: alone, topic: topicOf(q) };
  if (!completedShows) return null;
  return { answer: { ...answer, question: q, understoodAs: completed.question }, topic: completed.topic };
}

function articleIdOf(engine: Answerer, answer: Answer): string | undefined {
  const first = answer.results[0];
  if (!first) return undefined;
  // Answers about the article itself cite `<article id>:<fact>`, not a passage.
  return engine.passage(first.passageId)?.articleId ?? engine.articles().find((a) => first.passageId.startsWith(`${a.id}:`))?.id;
}

/**
 * Answers `question` given the conversation so far (`turns`, oldest first): questions about
 * the article itself from its byline and metadata, follow-ups completed from the previous
 * turn, everything else through `engine.answer` exactly as asked; then shows the answer in
 * the asker's script. Throws `QuestionError` for an empty or over-long question.
 */
export function respond(engine: Answerer, question: string, turns: readonly Turn[], options: ExchangeOptions, at: number): Exchange {
  const q = checkQuestion(question);
  const { script, inConversation, ...askOptions } = options;
  const last = turns.at(-1);
  let answer: Answer | null = null;
  let topic: string[] | null = null;
  const about = detectArticleQuestion(q, engine.articles());
  if (about) {
    const all = engine.articles();
    const inConversationArticle = all.find((a) => a.id === last?.articleId);
    const meant = about.named ?? inConversationArticle ?? (all.length === 1 ? all[0] : null);
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
    const completed = fu ? followUpAnswer(engine, q, fu, turns, askOptions) : null;
    if (completed) ({ answer, topic } = completed);
  }
  answer ??= engine.answer(q, askOptions);
  let turn: Turn | null = null;
  if (inConversation && (askOptions.offset ?? 0) === 0) {
    // A declined question leaves the topic as it was, so the next follow-up still has it.
    turn = {
      question: q,
      topic: answer.answered && !about ? (topic ?? topicOf(q)) : (last?.topic ?? []),
      passageIds: answer.results.map((r) => r.passageId),
      at,
    };
    const articleId = articleIdOf(engine, answer) ?? last?.articleId;
    if (articleId) turn.articleId = articleId;
  }
  // A question that shows no script (蓄水量呢?) is answered in the conversation's.
  const carried = [...turns].reverse().map((t) => questionScript(t.question)).find(Boolean) ?? undefined;
  return { answer: localizeAnswer(answer, q, script ?? questionScript(q) ?? carried), turn };
}
