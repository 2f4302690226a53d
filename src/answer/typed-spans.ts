import { taggedWords } from '../text/segment.js';
import { dateShape, WORD_DATE } from './date-shape.js';
import type { AnswerType } from './question-type.js';

/** [start, end) in UTF-16 units of the text it was found in. */
export interface TextSpan {
  start: number;
  end: number;
}

const NUM = String.raw`(?:\d[\d,.]*|[零〇一二三四五六七八九十百千万亿两数半]+)`;
const ABOUT = '(?:约|大约|仅|只需|只要|不到|近|超过|逾|共|达|多达|至少|最多)?';
const RANGE = String.raw`(?:\s*[-－–—~～至到]\s*)`;
const TIME_UNIT = '(?:个)?(?:多)?(?:个)?(?:小时|钟头|分钟|秒钟|秒|天|日|周|星期|礼拜|个月|年|世纪)(?:左右|多|半|之久)?';
/** A travel time ("how far" answered in hours), not a year (2017年) or a count of years. */
const TRAVEL_UNIT = '(?:个)?(?:多)?(?:个)?(?:小时|钟头|分钟|天)(?:左右|多|半)?';
const LENGTH_UNIT = '(?:多|余)?(?:光年|公里|千米|英里|海里|公尺|公分|英尺|厘米|米|里|km|m)(?![a-z])(?:左右)?';
/** Measure words and units a count is given in, longest first where one starts another. */
export const COUNT_UNITS = [
  '平方公里', '平方千米', '平方公尺', '平方米', '平方英里', '平方英尺', '立方公尺', '立方米', '立方公里', 'km2', 'm2', '公顷', '英亩', '公里', '千米', '公尺', '公分', '英尺', '英寸', '厘米', '毫米', '米',
  '公吨', '吨', '千克', '公斤', '克', '斤', '亩', '毫升', '公升', '升', '美元', '港元', '港币', '欧元', '日元', '英镑', '人民币', '新台币', '元', '块', '分钟', '小时', '个月',
  '大类', '个', '项', '处', '位', '名', '家', '条', '次', '岁', '倍', '种', '类', '座', '届', '户', '人', '所', '间', '台', '辆', '架', '艘', '只', '头',
  '张', '本', '部', '件', '层', '级', '度', '分', '秒', '集', '首', '场', '局', '票', '席', '枚', '颗', '株', '棵', '卷', '册', '章', '期', '字', '页', '篇',
  '队', '国', '省', '市', '县', '划',
];
const COUNT_UNIT = `(?:多|余)?(?:万|亿|千|百)*(?:%|％|‰|${COUNT_UNITS.join('|')})?(?:多|余|左右)?`;

const CURRENCY = '(?:元|块|毛钱|美元|美金|港元|港币|澳门元|澳元|欧元|日元|英镑|人民币|新台币|台币|加元|韩元|卢布|法郎|马克|比索)';

/** Regular answer shapes: a price, a number with its unit, a date or time of day, a duration, a distance. */
const SHAPES: Partial<Record<AnswerType, RegExp>> = {
  price: new RegExp(`${ABOUT}(?:[$￥¥€£]\\s?${NUM}(?:多|余)?(?:万|亿|千|百)*|(?:${NUM}${RANGE})?${NUM}(?:多|余)?(?:万|亿|千|百)*${CURRENCY}(?:多|左右)?)|免费`, 'gu'),
  duration: new RegExp(`${ABOUT}(?:${NUM}${RANGE})?(?:${NUM}|半)${TIME_UNIT}|半(?:个)?(?:小时|天|年|个月)`, 'gu'),
  // "How far" is often answered with a travel time (到广州1小时左右).
  distance: new RegExp(`${ABOUT}(?:${NUM}${LENGTH_UNIT}?${RANGE})?${NUM}(?:\\s?(?:平方)?${LENGTH_UNIT}|${TRAVEL_UNIT})`, 'gu'),
  date: dateShape(NUM, RANGE),
  number: new RegExp(`${ABOUT}(?:${NUM}${RANGE})?(?:第|[$￥¥€£]\\s?)?${NUM}${COUNT_UNIT}`, 'gu'),
};

/** A match is a quantity only if it holds a digit or a numeral worth reading (not 一座, 一棵, 数). */
const QUANTITY = /\d|[二三四五六七八九十百千万亿两半]|[一二三四五六七八九十][一二三四五六七八九十百千万亿]/u;

/** jieba's part-of-speech tags of names, per type: places, people (nr, nrt, nrfg), organisations. */
const ENTITY_TAGS: Partial<Record<AnswerType, RegExp>> = {
  place: /^ns$/u,
  person: /^nr[a-z]*$/u,
  organisation: /^nt$/u,
};
/** Nouns that name a place or an organisation by their ending, when jieba does not tag them. */
const PLACE_END = /^[\u4e00-\u9fff]{1,6}(?:省|市|县|区|镇|乡|村|州|国|岛|山|河|湖|江|海|港|湾)$/u;
const ORGANISATION_END = /(?:公司|集团|大学|学院|学校|中学|小学|协会|委员会|组织|研究所|研究院|银行|机构|局|厅|党|俱乐部|医院|博物馆|报社|出版社|电视台|乐团|球队)$/u;
/** Tags that end a name when reading back from its ending: prepositions, particles, pronouns, conjunctions, adverbs, numerals, verbs. */
const NAME_STOP = /^(?:p|u[a-z]*|r[a-z]*|c|d|m|q|f|y|e|o|zg|v[a-z]*|x)$/u;
/**
 * Tags an address goes on with after a place: nouns, place words, directions, and words jieba
 * does not know (斯卡 波罗 of 安大略省斯卡波罗, 胡德 郡), at most PLACE_TAIL_MAX of them.
 */
const PLACE_TAIL = /^(?:n[a-z]*|s|f|m|q|x)$/u;
const PLACE_TAIL_MAX = 5;
/** What joins two places into one answer (汝城县的九龙江, 台湾、琉球及关岛), and names into a list (刘德华、陈敏儿及刘江). */
const PLACE_JOIN = /^(?:的|、|及|和|与|以及|至|,)$/u;
/** A few characters between two places that belong to one address (韩国 首尔市 江南区, jieba tags 首尔 an adverb), unless they link two (到, 从 …). */
const PLACE_GAP = /^[\u4e00-\u9fff]{1,4}$/u;
const PLACE_LINK = /[到从往向去至与和及或但而在于是的]/u;
const LIST_JOIN = /^(?:、|及|和|与|以及)$/u;
export const NAME_TEXT = /^[\u4e00-\u9fffA-Za-z0-9·-]+$/u;

function shapeSpans(pattern: RegExp, text: string): TextSpan[] {
  const out: TextSpan[] = [];
  for (const m of text.matchAll(pattern)) {
    if (m[0].length > 0 && (QUANTITY.test(m[0]) || m[0] === '免费' || (pattern === SHAPES.date && WORD_DATE.test(m[0])))) out.push({ start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/** A word of a text as jieba tags it, with where it starts in the text (-1 when not found in order). */
export interface LocatedWord {
  word: string;
  tag: string;
  start: number;
}

/** jieba's tagged words of a normalized text, located in it: one tagging for every reading of the text. */
export function locatedWords(text: string): LocatedWord[] {
  let at = 0;
  return taggedWords(text).map(({ word, tag }) => {
    const start = text.indexOf(word, at);
    if (start >= 0) at = start + word.length;
    return { word, tag, start };
  });
}

/**
 * Where a name that ends with word `i` starts, read back over at most `max` words that can be
 * part of one (湖南 湘晨 通用 航空 有限公司; 意甲 球队), up to a preposition, verb, particle ….
 */
export function nameStart(words: LocatedWord[], i: number, max: number): number {
  let from = words[i]!.start;
  for (let j = i - 1, k = 0; j >= 0 && k < max && words[j]!.start >= 0 && !NAME_STOP.test(words[j]!.tag) && NAME_TEXT.test(words[j]!.word); j--, k++) from = words[j]!.start;
  return from;
}

/** Names by jieba's tags; neighbours of the same kind join (越南 宁平省, 詹姆斯 · 库克). */
function entitySpans(type: AnswerType, tag: RegExp, text: string, words: LocatedWord[]): TextSpan[] {
  const out: TextSpan[] = [];
  let last: TextSpan | null = null;
  let tail = 0;
  words.forEach(({ word, tag: t, start }, i) => {
    if (start < 0) return;
    const at = start + word.length;
    let span: TextSpan | null = null;
    if (type === 'organisation' && ((tag.test(t) && word.length > 1) || ORGANISATION_END.test(word))) {
      // 湖南 湘晨 通用 航空 有限公司, 爱尔兰 国立大学: the name is the nouns before the ending.
      const from = nameStart(words, i, 5);
      if (at - from > 2) span = { start: from, end: at };
    } else if ((tag.test(t) && word.length > 1) || (type === 'place' && t.startsWith('n') && PLACE_END.test(word))) span = { start, end: at };
    if (!span) {
      // 湖南省长沙县 南部, 香港 屯门 震寰路: an address goes on over the nouns and directions after the place.
      if (type === 'place' && last && last.end === start && tail < PLACE_TAIL_MAX && PLACE_TAIL.test(t) && NAME_TEXT.test(word)) {
        last.end = at;
        tail++;
      }
      return;
    }
    tail = 0;
    const gap = last ? text.slice(last.end, span.start) : null;
    if (last && span.start < last.end) [last.start, last.end] = [Math.min(last.start, span.start), Math.max(last.end, span.end)];
    else if (last && (gap === '' || gap === '·' || gap === '-' || (type === 'place' ? PLACE_JOIN : LIST_JOIN).test(gap!) || (type === 'place' && PLACE_GAP.test(gap!) && !PLACE_LINK.test(gap!)))) {
      last.end = span.end;
    }
    else out.push((last = span));
  });
  return out;
}

/** Tags that end a transliterated name: prepositions, verbs, particles, numerals, conjunctions, pronouns. */
const DOTTED_STOP = /^(?:p|v[a-z]*|u[a-z]*|m|c|r[a-z]*|q|y|e|o)$/u;
const CJK_WORD = /^[\u4e00-\u9fff]+$/u;
/** Characters foreign names are spelt with: a word of only these goes on a dotted name whatever jieba tags it (佛科留斯: 留 a verb). */
const TRANSLITERATION = '阿埃艾安昂奥巴拜班邦鲍贝本比彼毕波伯博布查达戴丹道德登迪蒂丁杜多厄恩法菲费芬佛夫弗福盖甘冈戈哥格瓜哈海汉豪赫亨胡霍基吉加贾杰卡凯坎康考柯科克肯库夸奎拉莱赖兰朗劳勒雷蕾里利莉林琳隆卢鲁路伦罗洛玛马迈麦曼梅蒙米莫墨默姆穆纳娜奈内尼涅纽努诺欧帕派潘佩彭皮珀普奇契恰乔切琴丘萨塞赛桑瑟森莎沙舍施什斯松苏索塔泰坦汤唐特提汀图托瓦万旺威韦维温沃乌伍西希谢辛休雅亚扬耶伊因尤约泽扎詹兹佐留';

/**
 * Foreign names written with a middle dot (詹姆斯·库克, 乔治·伽莫夫), which jieba cuts into
 * pieces it tags as anything: the words either side of the dot, at most 5 characters before it
 * and 8 after, up to a preposition, verb or particle.
 */
function dottedNames(tagged: LocatedWord[]): TextSpan[] {
  const starts = tagged.map((w) => w.start);
  const out: TextSpan[] = [];
  const usable = (k: number) => starts[k]! >= 0 && CJK_WORD.test(tagged[k]!.word) && (!DOTTED_STOP.test(tagged[k]!.tag) || [...tagged[k]!.word].every((c) => TRANSLITERATION.includes(c)));
  tagged.forEach(({ word }, i) => {
    if (word !== '·' || i === 0 || !usable(i - 1) || i + 1 >= tagged.length || !usable(i + 1)) return;
    let from = i - 1;
    while (from > 0 && usable(from - 1) && starts[i]! - starts[from - 1]! <= 5) from--;
    let to = i + 1;
    while (to + 1 < tagged.length && usable(to + 1) && starts[to + 1]! + tagged[to + 1]!.word.length - starts[i]! - 1 <= 8) to++;
    const span = { start: starts[from]!, end: starts[to]! + tagged[to]!.word.length };
    const last = out.at(-1);
    if (last && last.end >= span.start) last.end = Math.max(last.end, span.end);
    else out.push(span);
  });
  return out;
}

/** True for the types typedSpans finds by pattern alone (cheap enough for every candidate sentence); the others need jieba's tagger. */
export function isPatternType(type: AnswerType): boolean {
  return SHAPES[type] !== undefined;
}

/**
 * True when a normalized text holds a span of the asked-for type (by pattern: see
 * isPatternType) that the normalized question does not hold itself (1小时左右 for
 * 郴州离广州多远, not the 2017年 it names). The one test the re-rank, the sentence
 * model and asked-kind.ts share.
 */
export function holdsNewSpan(type: AnswerType, normalizedQuestion: string, text: string): boolean {
  return typedSpans(type, text).some((s) => !normalizedQuestion.includes(text.slice(s.start, s.end)));
}

/**
 * Spans of normalized text shaped like the answer a question type asks for:
 * numbers with units, dates, durations and distances by pattern; places,
 * people and organisations by jieba's part-of-speech tags. Empty for other types.
 */
export function typedSpans(type: AnswerType, normalizedText: string): TextSpan[] {
  const pattern = SHAPES[type];
  if (pattern) return shapeSpans(pattern, normalizedText);
  const tag = ENTITY_TAGS[type];
  if (!tag) return [];
  const words = locatedWords(normalizedText);
  const spans = entitySpans(type, tag, normalizedText, words);
  if (type !== 'person' || !normalizedText.includes('·')) return spans;
  const dotted = dottedNames(words);
  return [...dotted, ...spans.filter((s) => !dotted.some((d) => s.start < d.end && d.start < s.end))].sort((a, b) => a.start - b.start);
}
