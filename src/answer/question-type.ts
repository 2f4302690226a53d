/**
 * What kind of answer a question asks for, read from its (normalized)
 * question words. Used only as a cue when choosing the excerpt: a sentence
 * holding a number, a date or a place is preferred when one is asked for.
 */
export type QuestionType = 'number' | 'time' | 'place' | 'person' | 'other';

const CUES: Array<[QuestionType, RegExp]> = [
  ['time', /什么时候|何时|哪一?年|哪一?天|几月|几号|哪个月|什么时间|何年|时间是|年份|多久以前/u],
  ['number', /多少|几[个项处位名家条次年天岁倍种]?|多[大长高远久重宽深快]|百分之几|比[例重率]|数量|规模|面积|人口/u],
  ['place', /哪里|在哪|何处|何地|什么地方|哪个(?:国家|城市|省|地方|地区)|位于|发源/u],
  ['person', /谁|哪位|什么人|何人/u],
];

export function questionType(normalizedQuestion: string): QuestionType {
  for (const [type, cue] of CUES) if (cue.test(normalizedQuestion)) return type;
  return 'other';
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
