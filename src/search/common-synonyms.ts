/**
 * Words that mean the same in questions and articles of any subject, added to every
 * knowledge base's own synonyms.txt: a question asks when a museum 开门 where the
 * article says it 开放, or when someone 去世 where it says 逝世. Kept to verbs and nouns
 * whose senses coincide in news and encyclopedia text; measured on cmrc2018-train (README, "Quality").
 */
export const COMMON_SYNONYMS: readonly (readonly string[])[] = [
  ['开放', '开门', '开馆', '营业'],
  ['闭馆', '关门', '停业'],
  ['去世', '逝世', '离世', '病逝', '过世', '往生'],
  ['公元', '西元'],
  ['小时', '钟头'],
  ['出生', '诞生'],
  ['成立', '创立', '创建', '创办'],
  ['票价', '门票'],
  ['务工', '打工'],
  ['发源', '源头', '发源地'],
  ['汇合', '会合', '合流', '交汇', '汇流'],
  ['别称', '别名', '外号', '绰号', '昵称', '雅称'],
  // Transport as Hong Kong and Taiwan name it (OpenCC's tables, regional-words.ts, lack 的士, 捷運, 公車).
  ['出租车', '的士', '计程车'],
  ['地铁', '捷运'],
  ['公交车', '公车', '巴士'],
  ['自行车', '单车', '脚踏车'],
];
