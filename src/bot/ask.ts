import type { Context } from 'grammy';
import { QuestionError } from '../shared/errors.js';
import type { Answer } from '../answer/types.js';
import type { Dialogue, DialogueOptions } from '../conversation/dialogue.js';
import type { Engine } from '../engine/types.js';
import { questionRecord, type Recorder } from '../records/recorder.js';
import { toScript, type Script } from '../text/script.js';
import type { AnswerStore } from './answer-store.js';
import { escapeHtml, formatAnswer, formatDeclined } from './format.js';
import { answerKeyboard, didYouMeanKeyboard } from './keyboard.js';
import type { RateLimiter } from './rate-limit.js';
import type { Threads } from './threads.js';
import { replyHtml } from './reply.js';
import { TEXT } from './texts.js';

/** Results per message; the 更多 button pages through the rest. */
export const PAGE_SIZE = 3;

/** The bot's own words in the asker's script (the quotes in it are converted already; converting again changes nothing). */
export const inScript = (html: string, script: Script | undefined): string => (script && script !== 'zh-Hans' ? toScript(html, script) : html);

/** Answers one question in the current chat: rate limit, engine, record, format, reply. */
export type Asker = (ctx: Context, question: string, options?: { replyTo?: number; repliesTo?: number }) => Promise<void>;

interface AskerDeps {
  engine: Engine;
  dialogue: Dialogue;
  threads: Threads;
  recorder: Recorder;
  limiter: RateLimiter;
  answers: AnswerStore;
  hashId: (id: number | undefined) => string | null;
}

/**
 * Asks the engine for one page plus one result: the extra one only tells whether
 * a 更多 button is worth showing. Results are shown in the engine's order and cut.
 */
export async function askPage(dialogue: Dialogue, question: string, offset: number, options: DialogueOptions = {}): Promise<{ answer: Answer; hasMore: boolean }> {
  const answer = await dialogue.ask(question, { ...options, limit: PAGE_SIZE + 1, offset });
  const hasMore = answer.results.length > PAGE_SIZE;
  return { answer: { ...answer, results: answer.results.slice(0, PAGE_SIZE) }, hasMore };
}

export function createAsker(deps: AskerDeps): Asker {
  return async (ctx, question, options = {}) => {
    const { replyTo } = options;
    const conversationId = deps.threads.conversationOf(ctx, options.repliesTo);
    const limit = await deps.limiter.take(ctx.from?.id ?? 0);
    if (!limit.allowed) {
      if (limit.firstRefusal) await replyHtml(ctx, TEXT.rateLimited, { replyTo });
      return;
    }
    const started = performance.now();
    let page: Awaited<ReturnType<typeof askPage>>;
    try {
      page = await askPage(deps.dialogue, question, 0, conversationId ? { conversationId } : {});
    } catch (error) {
      // Empty or over-long question: the engine's message is written for users.
      if (error instanceof QuestionError) return void (await replyHtml(ctx, escapeHtml(error.message), { replyTo }));
      throw error;
    }
    const { answer, hasMore } = page;
    const remember = (sent: { message_id: number } | undefined) => {
      if (sent && conversationId && ctx.chat) deps.threads.remember(ctx.chat.id, sent.message_id, conversationId);
    };
    const chatType = ctx.chat?.type ?? 'unknown';
    await deps.recorder.recordQuestion(questionRecord(answer, { channel: 'telegram', chatType, userHash: deps.hashId(ctx.from?.id), chatHash: deps.hashId(ctx.chat?.id) }, started));
    if (answer.nothingToShow) {
      const titles = deps.engine.articles().map((a) => a.title);
      const html = inScript(formatDeclined(answer, titles, deps.engine.exampleQuestions(3)), answer.script);
      if (!answer.didYouMean?.length) return void remember(await replyHtml(ctx, html, { replyTo }));
      const id = await deps.answers.put({ question: answer.question, chatType, passageIds: [], nextOffset: 0, didYouMean: answer.didYouMean });
      remember(await replyHtml(ctx, html, { replyTo, keyboard: didYouMeanKeyboard(id, answer.didYouMean) }));
      return;
    }
    const id = await deps.answers.put({
      // 更多 pages through what was answered (a completed follow-up), shown in the same script.
      question: answer.understoodAs ?? answer.question,
      ...(answer.script ? { script: answer.script } : {}),
      chatType,
      // A vote on a curated answer is recorded against `faq:<its question>`: it has no passage id.
      passageIds: [...(answer.faq ? [`faq:${answer.faq.question}`] : []), ...answer.results.map((r) => r.passageId)],
      nextOffset: PAGE_SIZE,
    });
    const html = formatAnswer(answer.question, answer.results, {
      ...(answer.faq ? { faq: answer.faq } : {}),
      ...(answer.understoodAs ? { understoodAs: answer.understoodAs } : {}),
    });
    remember(await replyHtml(ctx, inScript(html, answer.script), { replyTo, keyboard: answerKeyboard(id, hasMore) }));
  };
}

