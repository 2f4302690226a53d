import { Composer, type Context } from 'grammy';
import { startsWithCommand, stripBotMentions } from '../mention.js';
import { replyHtml } from '../reply.js';
import { TEXT } from '../texts.js';
import type { BotServices } from '../types.js';

/**
 * Groups and supergroups: answer only when addressed (an @mention, or a reply to
 * one of the bot's messages; /ask is in the commands composer) and stay silent
 * otherwise, so the bot never talks over a conversation.
 */
export function createGroups(s: BotServices): Composer<Context> {
  const c = new Composer<Context>();

  c.chatType(['group', 'supergroup']).on('message:text', async (ctx) => {
    const message = ctx.message;
    const reply = message.reply_to_message;
    // In forum topics every message "replies" to the topic's first message; that is not addressing the bot.
    const topicRoot = message.is_topic_message === true && reply?.message_id === message.message_thread_id;
    const repliesToBot = reply?.from?.id === ctx.me.id && !topicRoot;
    const { mentioned, question } = stripBotMentions(message, ctx.me);
    if ((!mentioned && !repliesToBot) || startsWithCommand(message)) return;
    if (!question) return void (await replyHtml(ctx, TEXT.emptyMention, { replyTo: message.message_id }));
    await s.ask(ctx, question, { replyTo: message.message_id, ...(repliesToBot ? { repliesTo: reply!.message_id } : {}) });
  });

  return c;
}
