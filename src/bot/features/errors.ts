import { type BotError, type Context, GrammyError } from 'grammy';
import type { Logger } from 'pino';
import { EngineNotReadyError } from '../../shared/errors.js';
import { describeError } from '../log.js';
import { TEXT } from '../texts.js';

/**
 * The error boundary: log the failure (without the token), then tell the user
 * with a short apology where there is someone to tell. It never throws, so one
 * bad update cannot stop the runner or make Telegram redeliver a webhook.
 */
export function createErrorHandler(logger: Logger, token: string): (err: BotError<Context>) => Promise<void> {
  return async (err) => {
    const ctx = err.ctx;
    // Before the first knowledge load (a webhook update can arrive that early): a state that passes, not a fault.
    const loading = err.error instanceof EngineNotReadyError;
    if (loading) logger.info({ updateId: ctx.update.update_id }, 'bot: update before the knowledge index was ready');
    else logger.error({ updateId: ctx.update.update_id, error: describeError(err.error, token) }, 'bot: update failed');
    // 403: the user blocked the bot or left; an apology would fail the same way.
    if (err.error instanceof GrammyError && err.error.error_code === 403) return;
    try {
      const text = loading ? TEXT.loading : TEXT.apology;
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text });
      else if (ctx.message && ctx.chat) {
        await ctx.reply(text, {
          reply_parameters: { message_id: ctx.message.message_id, allow_sending_without_reply: true },
        });
      }
    } catch (error) {
      logger.warn({ updateId: ctx.update.update_id, error: describeError(error, token) }, 'bot: apology not sent');
    }
  };
}
