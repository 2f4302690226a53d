/**
 * What a date looks like in text, for typed-spans.ts: years (2011年, 728年, 公元前221年, 乾隆36年),
 * months and days, centuries and decades, times of day, weekdays, dynasties, seasons, geological
 * periods and years ago (2.51亿年前). Dates in words (明代, 夏季, 侏罗纪) hold no digit: `WORD_DATE`
 * tells them from the numeral-free matches that are not dates.
 */
import { NUMBER_START } from '../text/numerals.js';

/** Reign titles and eras a year is counted in (Ming and Qing, the Republic, Japan, the best-known Tang and Song ones). */
const ERAS = [
  '洪武', '永乐', '宣德', '正统', '成化', '弘治', '正德', '嘉靖', '隆庆', '万历', '天启', '崇祯', '顺治', '康熙', '雍正', '乾隆', '嘉庆', '道光', '咸丰', '同治', '光绪', '宣统',
  '民国', '明治', '大正', '昭和', '平成', '令和', '贞观', '开元', '天宝', '元和', '建隆', '开宝', '太平兴国', '熙宁', '元丰', '元祐', '绍兴', '淳熙',
].join('|');

/** Geological periods, each read with 纪 after it. */
const GEOLOGICAL = '寒武|奥陶|志留|泥盆|石炭|二叠|三叠|侏罗|白垩|古近|新近|第四|埃迪卡拉|成冰';
/** Dates in words: seasons, times of day. */
const SEASON_OR_TIME = '[春夏秋冬][季天]|[春夏秋冬][末初](?:[春夏秋冬][初末])?|春夏|秋冬|夜间|夜晚|晚间|白天|白昼|日间|黄昏|傍晚|清晨|凌晨|破晓|黎明|午夜|深夜';
/** A date match without digits or numerals that still is one (a dynasty, a season, a time of day); see shapeSpans. */
export const WORD_DATE = new RegExp(`^(?:(?:西|东|南|北)?[夏商周秦汉晋隋唐宋元明清][朝代末初]|${SEASON_OR_TIME}|(?:${ERAS})(?:年间|时期|初年|末年)|(?:${GEOLOGICAL})纪)`, 'u');

/** What a date goes on with: 2003年底, 2004年春天, 1998-2000年间, 5月中旬. */
const DATE_TAIL = '(?:初|底|末|中旬|上旬|下旬|春天?|夏天?|秋天?|冬天?|上半年|下半年|间|左右|前后)?';

/** The date pattern, built on typed-spans.ts's number (`num`) and range (`range`) pieces. */
export function dateShape(num: string, range: string): RegExp {
  return new RegExp(
    [
      // A reign year (乾隆三十六年, normalized 乾隆36年; 民国7年; 平成14年), with the Western year after it.
      `(?:${ERAS})(?:元|\\d{1,2})年(?:[(（]\\d{3,4}年[)）])?(?:${num}月)?(?:${num}[日号])?`,
      // Any reign the Western year after it shows to be one (太平七年（415年）, 咸康七年（341年）三月).
      `[\\u4e00-\\u9fff]{2}(?:元|\\d{1,2})年[(（](?:公元前?|前)?\\d{1,4}年[)）](?:${num}月)?(?:${num}[日号])?`,
      // A year: four digits, or fewer after 公元/前 or an era name (嘉靖42年); not a count of years (300年).
      `(?:(?:公元前?|前)\\d{1,4}|${NUMBER_START}\\d{4}|(?<=[\\u4e00-\\u9fff]{2})\\d{1,2})年(?:${num}月)?(?:${num}[日号])?(?:${range}(?:\\d{4}年)?(?:${num}月)?${num}[日号年])?`,
      `${num}月(?:${num}[日号])?`,
      `(?:第)?${num}世纪(?:${num}0?年代)?(?:[初中末]期|[上下]半叶|初|末)?`,
      `\\d{2,4}年代(?:[初中末]期)?`,
      `(?:上午|下午|早上|晚上|中午|凌晨|傍晚|清晨)?${num}(?:[:：]\\d{2}|[时点](?:${num}分|半)?)(?:${range}(?:上午|下午|晚上)?${num}(?:[:：]\\d{2}|[时点](?:${num}分|半)?))?`,
      `(?:周|星期|礼拜)[一二三四五六日天1-7](?:[至到-](?:周|星期|礼拜)?[一二三四五六日天1-7])?`,
      `(?:西|东|南|北)?(?:夏|商|周|秦|汉|晋|隋|唐|宋|元|明|清)(?:朝|代)(?:时期|年间|初年|末年)?`,
      // Years ago (2.51亿年前), an era's years (同治年间), a geological period (侏罗纪中期).
      `${num}(?:多|余)?(?:万|亿)?年前`,
      `(?:${ERAS})(?:年间|时期|初年|末年)`,
      `(?:${GEOLOGICAL})纪(?:[早中晚末初]期|[早中晚末初])?`,
      // A year of three digits (728年), not a count of years (约300年, 300年来).
      `(?<![约近逾达共])${NUMBER_START}\\d{3}年(?![代后来间内多左以之])`,
      // Words of a season or a time of day (夏季, 冬末春初, 夜间, 黄昏), and a dynasty's end or start (元末, 明初).
      `(?:${SEASON_OR_TIME})`,
      `(?:夏|商|秦|汉|晋|隋|唐|宋|元|明|清)(?:末|初)(?:年)?`,
    ]
      .map((p) => `(?:${p})${DATE_TAIL}`)
      .join('|'),
    'gu',
  );
}
