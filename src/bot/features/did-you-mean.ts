import { Composer, type Context } from 'grammy';
import { DID_YOU_MEAN_DATA } from '../keyboard.js';
import { TEXT } from '../texts.js';
import type { BotServices } from '../types.js';

/**
 * The "did you mean" buttons under a declined answer: a tap asks that question
 * in the same chat, exactly as if it had been typed (rate limited and recorded).
 */
export function createDidYouMean(s: BotServices): Composer<Context> {
  const c = new Composer<Context>();

  c.callbackQuery(DID_YOU_MEAN_DATA, async (ctx) => {
    const [, id, n] = ctx.match;
    const question = (await s.answers.get(id!))?.didYouMean?.[Number(n)];
    if (!question) return void (await ctx.answerCallbackQuery({ text: TEXT.expired }));
    await ctx.answerCallbackQuery();
    const source = ctx.callbackQuery.message;
    // In groups the answer replies to the declined message, so the thread stays readable.
    await s.ask(ctx, question, { ...(source && source.chat.type !== 'private' ? { replyTo: source.message_id } : {}) });
  });

  return c;
}
