import { Composer, type Context } from 'grammy';
import { askPage, inScript, PAGE_SIZE } from '../ask.js';
import { formatAnswer } from '../format.js';
import { answerKeyboard, FEEDBACK_DATA, MORE_DATA } from '../keyboard.js';
import { replyHtml } from '../reply.js';
import { TEXT } from '../texts.js';
import type { BotServices } from '../types.js';

/** The buttons under an answer: 👍 / 👎 feedback and 更多 (the next page as a follow-up message). */
export function createFeedback(s: BotServices): Composer<Context> {
  const c = new Composer<Context>();

  c.callbackQuery(FEEDBACK_DATA, async (ctx) => {
    const [, vote, id] = ctx.match;
    const entry = await s.answers.get(id!);
    if (!entry) return void (await ctx.answerCallbackQuery({ text: TEXT.expired }));
    const userHash = s.hashId(ctx.from.id);
    if (userHash && !(await s.answers.firstVote(id!, userHash))) return void (await ctx.answerCallbackQuery({ text: TEXT.alreadyVoted }));
    await Promise.all(
      entry.passageIds.map((passageId) =>
        s.recorder.recordFeedback({ channel: 'telegram', question: entry.question, passageId, vote: vote === 'u' ? 'up' : 'down', userHash, at: new Date() }),
      ),
    );
    await ctx.answerCallbackQuery({ text: vote === 'u' ? TEXT.thanksUp : TEXT.thanksDown });
  });

  c.callbackQuery(MORE_DATA, async (ctx) => {
    const id = ctx.match[1]!;
    const entry = await s.answers.get(id);
    if (!entry) return void (await ctx.answerCallbackQuery({ text: TEXT.expired }));
    if (!(await s.limiter.take(ctx.from.id)).allowed) return void (await ctx.answerCallbackQuery({ text: TEXT.rateLimited }));
    // A double tap, or a button the client still shows after a lost edit: the page is already above.
    // Claimed atomically (across replicas with Redis): this press now owns the page.
    if (!(await s.answers.claimMore(id))) return void (await ctx.answerCallbackQuery({ text: TEXT.moreAlreadySent }));
    // Not recorded as a new question: it is a page of one already recorded.
    const { answer, hasMore } = await askPage(s.dialogue, entry.question, entry.nextOffset, entry.script ? { script: entry.script } : {});
    const source = ctx.callbackQuery.message;
    if (answer.results.length === 0) {
      await ctx.answerCallbackQuery({ text: TEXT.noMore });
      await dropMoreButton(ctx, id, s);
      return;
    }
    const nextId = await s.answers.put({
      question: entry.question,
      chatType: entry.chatType,
      passageIds: answer.results.map((r) => r.passageId),
      nextOffset: entry.nextOffset + PAGE_SIZE,
      ...(entry.script ? { script: entry.script } : {}),
    });
    await ctx.answerCallbackQuery();
    await replyHtml(ctx, inScript(formatAnswer(entry.question, answer.results, { continued: true }), entry.script), {
      replyTo: source?.message_id,
      keyboard: answerKeyboard(nextId, hasMore),
    });
    await dropMoreButton(ctx, id, s);
  });

  // Buttons from an older version of the bot: stop the client's spinner, do nothing else.
  c.on('callback_query:data', (ctx) => ctx.answerCallbackQuery());

  return c;
}

/** Keeps 👍/👎 but removes 更多 from the earlier message, so a page is not sent twice. Cosmetic: failures are only logged. */
async function dropMoreButton(ctx: Context, id: string, s: BotServices): Promise<void> {
  try {
    await ctx.editMessageReplyMarkup({ reply_markup: answerKeyboard(id, false) });
  } catch (error) {
    s.logger.debug({ error: String(error) }, 'bot: could not remove the 更多 button');
  }
}
