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
  for (const e of ranges) {
    // "@bot，问题" / "@bot: 问题": the separator after the mention goes with it.
    const rest = text.slice(e.offset + e.length).replace(/^\s*[,，:：、]?\s*/u, '');
    text = `${text.slice(0, e.offset)} ${rest}`;
  }
  const question = text.replace(/\s+/g, ' ').trim();
  return { mentioned: ranges.length > 0, question };
}

/** True when the text starts with a bot command (`/foo`), ours or another bot's. */
export function startsWithCommand(message: Pick<Message.TextMessage, 'entities'>): boolean {
  return (message.entities ?? []).some((e) => e.type === 'bot_command' && e.offset === 0);
}
