import { InlineKeyboard } from 'grammy';

/**
 * Buttons under an answer. Callback data is `f:u:<id>`, `f:d:<id>` or `m:<id>`
 * with an 8-character store id: at most 12 bytes, far below Telegram's 64.
 */
export const FEEDBACK_DATA = /^f:([ud]):([\w-]{1,32})$/;
export const MORE_DATA = /^m:([\w-]{1,32})$/;

export function answerKeyboard(id: string, hasMore: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard().text('👍', `f:u:${id}`).text('👎', `f:d:${id}`);
  return hasMore ? keyboard.text('更多', `m:${id}`) : keyboard;
}
