/**
 * What a question's words say about the sentence that answers it, for the sentence model
 * (sentence-features.ts): the words a why / what-is-it-called / what-for / how answer tends
 * to use, and the question's text just before its question word.
 */

/**
 * Questions that ask why, what something is called, what it is for or how, and the words
 * a sentence answering them tends to use (由于…, 又称…, 用于…, 通过…).
 */
const CUES: Array<[RegExp, RegExp]> = [
  [/为什么|为何|原因|由来|怎么会|何以|缘故|起因/u, /因为|由于|因此|所以|故|源于|源自|取名|得名|以致|导致|因/u],
  [/叫什么|称为什么|称作什么|又称|名字|简称|别称|别名|外号|昵称|绰号|称号|名称|译名|原名|全名|命名/u, /称|名为|叫做|叫|简称|又名|俗名|别名|命名|译为|全名|原名|昵称/u],
  [/用途|用处|作用|有什么用|目的|功能|功用|用来做|用于/u, /用于|用来|用作|作用|以便|为了|旨在|目的|功能|可以|能够/u],
  [/怎样|如何|怎么|方式|方法|手段|途径/u, /通过|采用|利用|方式|方法|以|经由|透过|借助/u],
];
/** Question words: what comes before one in the question often comes just before the answer in the sentence. */
const QUESTION_WORD = /什么|哪[里儿个些位家所1]?|谁|多少|几|怎么|怎样|如何|为什么|为何|何[时处地人年种者物]?|多[久长大高远重宽深快]/u;
const BEFORE_CHARS = 8;
/** The question's text before its question word, letters and digits only (公园主出入口在 of 公园主出入口在哪里). */
export function lead(question: string): string {
  const m = QUESTION_WORD.exec(question);
  return [...(m ? question.slice(0, m.index) : '')].filter((c) => /[\p{L}\p{N}]/u.test(c)).join('');
}
/** The longest end of `lead` (up to BEFORE_CHARS) that the sentence holds, as a share of BEFORE_CHARS. */
export function before(leadText: string, sentence: string): number {
  let k = 0;
  while (k < Math.min(BEFORE_CHARS, leadText.length) && sentence.includes(leadText.slice(leadText.length - k - 1))) k++;
  return k / BEFORE_CHARS;
}

export function cue(question: string): RegExp | undefined {
  return CUES.find(([asks]) => asks.test(question))?.[1];
}

/** Questions that ask for several things (哪些, 包括什么, 分别): the answer is often a list. */
const ASKS_LIST = /哪些|有什么|包括|包含|有哪|几种|几个|分别/u;
/** A list of this many 、 counts as a whole one. */
const LIST_ITEMS = 3;

export function asksList(question: string): boolean {
  return ASKS_LIST.test(question);
}

/** How much of a list a sentence is: its 、, as a share of LIST_ITEMS (0 for no list, at most 1). */
export function listShare(sentence: string): number {
  let n = 0;
  for (const c of sentence) if (c === '、') n++;
  return Math.min(1, n / LIST_ITEMS);
}
