/**
 * Cantonese (and a few colloquial) question words, written after conversion to
 * Simplified, mapped to the Mandarin words the articles use. Applied to questions
 * and passages alike so the map stays symmetric. Longest first.
 */
export const COLLOQUIAL: Array<[string, string]> = [
  // 甚麼, as Taiwan and Hong Kong often write 什麼: OpenCC leaves it 甚么.
  ['甚么', '什么'],
  ['几多钱', '多少钱'],
  ['几多', '多少'],
  ['几耐', '多久'],
  // 幾遠 (how far); not 几大 / 几长, which Mandarin says too (几大产业).
  ['几远', '多远'],
  ['几时', '什么时候'],
  ['边度', '哪里'],
  ['边处', '哪里'],
  ['边个', '谁'],
  ['边间', '哪个'],
  ['点样', '怎样'],
  ['点解', '为什么'],
  ['乜嘢', '什么'],
  ['咩嘢', '什么'],
  ['咩', '什么'],
  ['系咪', '是不是'],
  ['系唔系', '是不是'],
  ['系咩', '是什么'],
  ['咗', '了'],
  ['啲', '些'],
  ['佢', '他'],
  ['嚟', '来'],
  ['睇', '看'],
  ['揾', '找'],
  ['冇', '没有'],
  ['唔', '不'],
  ['喺', '在'],
  ['嘅', '的'],
];

export const COLLOQUIAL_PATTERN = new RegExp(COLLOQUIAL.map(([k]) => k).join('|'), 'gu');
export const COLLOQUIAL_MAP = new Map(COLLOQUIAL);
