/**
 * What kind of answer a question asks for, read from its normalized question
 * words (Traditional is Simplified by then, and Cantonese 幾耐/幾遠/邊度/邊個/幾時/幾多
 * are 多久/多远/哪里/谁/什么时候/多少: see text/colloquial.ts).
 *
 * Two granularities. `answerType` is the fine one: it chooses the span of the
 * excerpt to mark as the answer (answer-span.ts). `questionType` is the coarse
 * cue the re-rank and the excerpt use (a sentence shaped like the answer scores
 * extra); it is kept as it was measured, so ranking does not move with the fine
 * types. `coarseType` says how the fine types fold into the coarse ones.
 */
export type QuestionType = 'number' | 'time' | 'place' | 'person' | 'other';

export type AnswerType =
  | 'price'
  | 'duration'
  | 'distance'
  | 'date'
  | 'number'
  | 'place'
  | 'person'
  | 'organisation'
  | 'definition'
  | 'other';

const CUES: Array<[QuestionType, RegExp]> = [
  ['time', /什么时候|何时|哪一?年|哪一?天|几月|几号|哪个月|什么时间|何年|时间是|年份|多久以前/u],
  ['number', /多少|几(?!乎|内亚|经|何)[个项处位名家条次年天岁倍种]?|多[大长高远久重宽深快]|百分之几|比[例重率]|数量|规模|面积|人口/u],
  ['place', /哪里|在哪|何处|何地|什么地方|哪个(?:国家|城市|省|地方|地区)|位于|发源/u],
  ['person', /谁|哪位|什么人|何人/u],
];

/** The coarse type, for ranking and choosing the excerpt's sentence. */
export function questionType(normalizedQuestion: string): QuestionType {
  for (const [type, cue] of CUES) if (cue.test(normalizedQuestion)) return type;
  return 'other';
}

// Normalization writes 一 before a unit as 1 (哪一年 → 哪1年, 一个小时 → 1个小时).
const TIME_UNIT = '(?:小时|钟头|钟|分钟|天|日|周|星期|礼拜|个月|月|年)';
const ORGANISATION_NOUN = '(?:公司|机构|组织|单位|部门|大学|学校|学院|医院|银行|报纸|报社|媒体|电视台|团队|球队|俱乐部|企业|集团|政党|党|品牌|厂商|出版社)';

/**
 * First match wins: 多长时间 is a duration before it is a number (多长), 几点 a time before a number (几).
 * 几 of 几乎 (almost), 几内亚 (Guinea), 几经 (again and again) and 几何 (geometry) asks no number.
 */
const ANSWER_CUES: Array<[AnswerType, RegExp]> = [
  // Cantonese 幾多錢 is 多少钱 by now.
  ['price', /多少钱|几块钱|几毛钱|什么价(?!值)|(?:票价|价格|价钱|价位|收费|费用|花费|售价|租金|学费|门票|车费|房价)(?:是|为|要|大概|大约|约|一般)?(?:多少|几)|卖多少|多少元|几元|贵不贵|贵吗|便宜吗/u],
  ['duration', new RegExp(`多久(?!以前|之前)|多长时间|多少(?:个)?${TIME_UNIT}(?!前)|几(?:个${TIME_UNIT}|小时|分钟|天|周|年)(?![前后]|以[前后])|要多长|历时多|持续多|多长的时间`, 'u')],
  ['distance', /多远|几远|远[吗么嘛]|远不远|近[吗么嘛]|近不近|多少(?:公里|千米|米|里|英里|海里)|距离(?:是|有)?多少|多长的?距离|相距多|隔多远/u],
  [
    'date',
    /什么时候|何时|哪[1一]?年|哪[1一]?天|几月|几号|几点|几时|哪个月|什么时间|何年|哪个朝代|什么朝代|年份|哪个年代|什么年代|哪个世纪|多久以前|多久之前|几[多]?年前|开门|关门|营业时间|开放时间|时间是/u,
  ],
  ['number', /多少|(?<!哪)几(?!乎|内亚|经|何)[多]?[个项处位名家条次岁倍种届座层人所间台辆只]?|多[大长高宽深快重]|百分之几|比[例重率]|数量|规模|面积|人口|排名第?几|第几/u],
  ['organisation', new RegExp(`哪家|哪所|哪[1一]?个${ORGANISATION_NOUN}|什么${ORGANISATION_NOUN}|哪些${ORGANISATION_NOUN}`, 'u')],
  ['place', /哪里|哪儿|在哪|何处|何地|什么地方|哪个(?:国家|城市|省|市|县|地方|地区|区)|哪(?:些)?(?:国家|城市|地区|省份)|位于|发源|去哪|到哪/u],
  // 范廷颂是谁 asks who someone is (a definition); 谁写的 asks for a name.
  ['definition', /^[^的谁]{1,12}是谁[?？]?$|^谁是[^的]{1,12}[?？]?$/u],
  ['person', /谁|哪位|什么人|何人|哪个人|哪些人/u],
  ['definition', /是什么|指的是|什么是|是指什么|什么意思|是啥|是甚么/u],
];

/** The fine type: what span of an excerpt would answer (a number with its unit, a date, a name…). */
export function answerType(normalizedQuestion: string): AnswerType {
  for (const [type, cue] of ANSWER_CUES) if (cue.test(normalizedQuestion)) return type;
  return 'other';
}

const COARSE: Record<AnswerType, QuestionType> = {
  price: 'number',
  duration: 'number',
  distance: 'number',
  date: 'time',
  number: 'number',
  place: 'place',
  person: 'person',
  organisation: 'other',
  definition: 'other',
  other: 'other',
};

/** How a fine type folds into the coarse one (for a ranking that wants to use the fine cues). */
export function coarseType(type: AnswerType): QuestionType {
  return COARSE[type];
}

const ANSWER_SHAPES: Record<QuestionType, RegExp | null> = {
  number: /\d|[一二三四五六七八九十百千万亿两]+[个项处位名家条次年天岁倍种元米吨%]/u,
  time: /\d{2,4}\s*年|\d{1,2}\s*月|\d{1,2}\s*日|世纪|年代|朝|期间/u,
  place: /[省市县区镇乡村州国岛山河湖江海路街港湾]/u,
  person: null,
  other: null,
};

/** True when a piece of text has the shape of the answer asked for (a number, a date, a place). */
export function hasAnswerShape(type: QuestionType, normalizedText: string): boolean {
  return ANSWER_SHAPES[type]?.test(normalizedText) ?? false;
}
