import { InlineKeyboard } from 'grammy';

/**
 * Buttons under an answer. Callback data is `f:u:<id>`, `f:d:<id>` or `m:<id>`
 * with an 8-character store id: at most 12 bytes, far below Telegram's 64.
 */
export const FEEDBACK_DATA = /^f:([ud]):([\w-]{1,32})$/;
export const MORE_DATA = /^m:([\w-]{1,32})$/;
/** `y:<id>:<n>`: ask the n-th "did you mean" question stored under that id (the question itself may be far over 64 bytes). */
export const DID_YOU_MEAN_DATA = /^y:([\w-]{1,32}):(\d)$/;

/** Longest button label; Telegram cuts longer ones unpredictably on small screens. */
const MAX_LABEL = 30;

export function answerKeyboard(id: string, hasMore: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard().text('👍', `f:u:${id}`).text('👎', `f:d:${id}`);
  return hasMore ? keyboard.text('更多', `m:${id}`) : keyboard;
}

/** One button per "did you mean" question, each on its own row so long questions stay readable. */
export function didYouMeanKeyboard(id: string, questions: string[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  questions.forEach((q, i) => {
    const label = [...q].length > MAX_LABEL ? `${[...q].slice(0, MAX_LABEL - 1).join('')}…` : q;
    // A row break before each button after the first: one after the last would leave an empty row.
    if (i > 0) keyboard.row();
    keyboard.text(label, `y:${id}:${i}`);
  });
  return keyboard;
}
