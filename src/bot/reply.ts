import type { Context, InlineKeyboard } from 'grammy';
import type { Message } from 'grammy/types';
import { splitHtml } from './split.js';

export interface ReplyOptions {
  /** Message to reply to (groups), so threads stay readable. */
  replyTo?: number;
  /** Shown under the last part only. */
  keyboard?: InlineKeyboard;
}

/**
 * Sends HTML, split into parts that fit Telegram's limit. The first part replies
 * to the asking message; the last carries the buttons. Returns the last message.
 */
export async function replyHtml(ctx: Context, html: string, options: ReplyOptions = {}): Promise<Message.TextMessage | undefined> {
  const parts = splitHtml(html);
  let last: Message.TextMessage | undefined;
  for (const [i, part] of parts.entries()) {
    last = await ctx.reply(part, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(i === 0 && options.replyTo !== undefined
        ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } }
        : {}),
      ...(i === parts.length - 1 && options.keyboard ? { reply_markup: options.keyboard } : {}),
    });
  }
  return last;
}
