import type { Context } from 'grammy';

/**
 * Which conversation a Telegram message belongs to.
 * - Private chat: the chat is one conversation.
 * - Group: each member has their own, so two people asking at once do not mix topics;
 *   a reply to one of the bot's answers continues the conversation that answer was in
 *   (anyone may pick up a thread).
 */
export interface Threads {
  /** The conversation for this update; `replyTo` is the bot message being replied to, if any. */
  conversationOf(ctx: Context, replyTo?: number): string | undefined;
  /** Remembers which conversation one of the bot's answers belongs to. */
  remember(chatId: number, messageId: number, conversationId: string): void;
}

/** Bot answers remembered for replies; the oldest are forgotten first (a reply to one then starts the asker's own thread). */
export function createThreads(capacity = 20_000): Threads {
  const byMessage = new Map<string, string>();
  return {
    conversationOf(ctx, replyTo) {
      const chat = ctx.chat;
      if (!chat) return undefined;
      if (chat.type === 'private') return `tg:${chat.id}`;
      const thread = replyTo === undefined ? undefined : byMessage.get(`${chat.id}:${replyTo}`);
      if (thread) return thread;
      return ctx.from ? `tg:${chat.id}:${ctx.from.id}` : undefined;
    },
    remember(chatId, messageId, conversationId) {
      const key = `${chatId}:${messageId}`;
      byMessage.delete(key);
      byMessage.set(key, conversationId);
      if (byMessage.size > capacity) byMessage.delete(byMessage.keys().next().value!);
    },
  };
}
