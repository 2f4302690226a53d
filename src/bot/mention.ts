import type { Message, UserFromGetMe } from 'grammy/types';

/** The question in a group message addressed to the bot: every mention of the bot removed. */
export function stripBotMentions(message: Pick<Message.TextMessage, 'text' | 'entities'>, me: UserFromGetMe): { mentioned: boolean; question: string } {
  const handle = `@${me.username}`.toLowerCase();
  const ranges = (message.entities ?? [])
    .filter(
      (e) =>
        (e.type === 'mention' && message.text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) ||
        (e.type === 'text_mention' && e.user.id === me.id),
    )
    .sort((a, b) => b.offset - a.offset);
  let text = message.text;
  for (const e of ranges) text = text.slice(0, e.offset) + ' ' + text.slice(e.offset + e.length);
  // "@bot，问题" leaves a separator in front of the question; drop it with the spaces.
  const question = text.replace(/\s+/g, ' ').trim().replace(/^[,，:：、]\s*/u, '').trim();
  return { mentioned: ranges.length > 0, question };
}

/** True when the text starts with a bot command (`/foo`), ours or another bot's. */
export function startsWithCommand(message: Pick<Message.TextMessage, 'entities'>): boolean {
  return (message.entities ?? []).some((e) => e.type === 'bot_command' && e.offset === 0);
}
