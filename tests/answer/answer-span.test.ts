import { describe, expect, it } from 'vitest';
import { answerSpan, spanQuestion } from '../../src/answer/answer-span.js';
import { markedPieces } from '../../src/answer/marks.js';
import { answerType, coarseType, questionType, type AnswerType } from '../../src/answer/question-type.js';
import { typedSpans } from '../../src/answer/typed-spans.js';
import { normalize } from '../../src/text/normalize.js';

const typeOf = (q: string) => answerType(normalize(q));
const spansOf = (type: AnswerType, text: string) => typedSpans(type, text).map((s) => text.slice(s.start, s.end));

/** The marked answer of an excerpt for a question, as text; highlights are the question's words found in it. */
function marked(question: string, excerpt: string, words: string[]): string | null {
  const highlights = words.flatMap((w) => [...excerpt.matchAll(new RegExp(w, 'gu'))].map((m): [number, number] => [m.index!, m.index! + w.length]));
  const q = normalize(question);
  const span = answerSpan(excerpt, highlights.sort((a, b) => a[0] - b[0]), spanQuestion(q, answerType(q)));
  return span && excerpt.slice(span[0], span[1]);
}

describe('answerType', () => {
  it('reads what the question asks for, in Simplified, Traditional and Cantonese', () => {
    expect(typeOf('去长沙坐高铁要几个小时?')).toBe('duration');
    expect(typeOf('去深圳要幾耐?')).toBe('duration');
    expect(typeOf('由郴州去韶关有幾遠?')).toBe('distance');
    expect(typeOf('这座桥是哪一年建成的?')).toBe('date');
    expect(typeOf('博物館幾點開門?')).toBe('date');
    expect(typeOf('个展览馆有多少件展品?')).toBe('number');
    expect(typeOf('個展覽館喺邊度?')).toBe('place');
    expect(typeOf('呢本書係邊個寫嘅?')).toBe('person');
    expect(typeOf('这架飞机是哪家公司造的?')).toBe('organisation');
    expect(typeOf('综保区是什么?')).toBe('definition');
    expect(typeOf('为什么要修这条路?')).toBe('other');
    expect(typeOf('这个景点门票多少钱?')).toBe('price');
    expect(typeOf('睇一場戲要幾多錢?')).toBe('price');
    expect(typeOf('呢度離機場遠唔遠?')).toBe('distance');
    // The value of a thing is not its price.
    expect(typeOf('这种鱼有什么价值?')).not.toBe('price');
  });

  it('reads no number into 几 of 几乎, 几内亚, 几经 or 几何', () => {
    expect(typeOf('外省游客几乎都从哪里来?')).toBe('place');
    expect(typeOf('几内亚用什么货币?')).toBe('other');
    expect(typeOf('这所小学几经改名，最后叫什么?')).toBe('other');
    expect(questionType(normalize('幾乎所有遊客都去哪裡?'))).toBe('place');
    expect(typeOf('这里有几处古迹?')).toBe('number');
  });

  it('leaves the ranking cue as it was: the fine types fold into the old ones', () => {
    expect(questionType(normalize('去长沙要几个小时?'))).toBe('number');
    expect(questionType(normalize('这座桥是什么时候建成的?'))).toBe('time');
    expect(coarseType('duration')).toBe('number');
    expect(coarseType('date')).toBe('time');
    expect(coarseType('organisation')).toBe('other');
  });
});

describe('typedSpans', () => {
  it('finds numbers with their units, dates, durations and distances', () => {
    expect(spansOf('number', '水库蓄水量12.5亿立方米,有省级保护单位40处,游客3万人')).toEqual(['12.5亿立方米', '40处', '3万人']);
    expect(spansOf('date', '大桥于2011年5月8日通车,1998年开工,每天上午9点开放')).toEqual(['2011年5月8日', '1998年', '上午9点']);
    // Dates in words: dynasties, seasons, times of day; a three-digit year, not a count of years.
    expect(spansOf('date', '始建于明代,728年重修,夏季开花,夜间觅食,约300年来未变')).toEqual(['明代', '728年', '夏季', '夜间']);
    expect(spansOf('duration', '坐车要3个小时,走路半小时,骑车40分钟')).toEqual(['3个小时', '半小时', '40分钟']);
    expect(spansOf('distance', '两地相距260公里')).toEqual(['260公里']);
    // A travel time answers "how far"; a year does not.
    expect(spansOf('distance', '2019年通车后,坐车到市区40分钟,星系距地球5,900光年')).toEqual(['40分钟', '5,900光年']);
    expect(spansOf('price', '成人票80元,学生半价,儿童免费,年卡￥300')).toEqual(['80元', '免费', '￥300']);
  });

  it('finds places and people by their part-of-speech tags', () => {
    expect(spansOf('place', '这条河发源于广西,流入广东')).toEqual(expect.arrayContaining(['广西', '广东']));
    expect(spansOf('person', '这本书的作者是鲁迅')).toContain('鲁迅');
    // A list of places is one answer.
    expect(spansOf('place', '这种鸟分布在广东、广西及海南。')).toEqual(['广东、广西及海南']);
    expect(spansOf('place', '这张专辑在台湾,香港,新加坡等地都很畅销。')).toEqual(['台湾,香港,新加坡']);
  });

  it('keeps an address whole over the words jieba does not know or mistags, not two places a journey links', () => {
    expect(spansOf('place', '总部地处韩国首尔市江南区,于1972年落成。')).toEqual(['韩国首尔市江南区']);
    expect(spansOf('place', '他出生于加拿大安大略省斯卡波罗。')).toEqual(['加拿大安大略省斯卡波罗']);
    expect(spansOf('place', '列车从北京到上海。')).toEqual(['北京', '上海']);
  });

  it('finds nothing for a question that asks for no shape', () => {
    expect(spansOf('other', '2011年,大桥通车')).toEqual([]);
  });
});

describe('answerSpan', () => {
  const excerpt = '市内有国家级文物保护单位12处,省级文物保护单位57处,市级的更多。';
  it('marks the span next to the question\'s own words, not an earlier one of the same shape', () => {
    expect(marked('省级文物保护单位有几处?', excerpt, ['省级', '文物保护单位'])).toBe('57处');
  });

  it('prefers the unit the question names', () => {
    expect(marked('这座楼有几层?', '这座楼建于3号地块,地上共有28层,高120米。', ['这座楼'])).toBe('28层');
  });

  it('prefers the units of what a 多高/多少钱 question measures', () => {
    expect(marked('这座塔有多高?', '这座塔建成已有300年,共有13层,塔高45米。', ['这座塔'])).toBe('45米');
    expect(marked('门票多少钱?', '景区每天接待3000人,门票80元。', ['门票'])).toBe('80元');
    expect(marked('这个区的面积是多少?', '该区有居民3万人,面积1.171km²,是全市第二小的区。', ['面积'])).toBe('1.171km²');
    expect(marked('水库的总容量是多少?', '水库建成已有40年,总容量达2,782万立方公尺,坝长1535公尺。', ['水库', '总容量'])).toBe('达2,782万立方公尺');
    expect(marked('车轮的直径是多少?', '这种车有2个车轮,车轮直径为20英寸。', ['车轮', '直径'])).toBe('20英寸');
  });

  it('answers 幾點開門 with the hours, written in numerals or not, in a Traditional excerpt', () => {
    const text = '展館逢星期二至星期日開放，開放時間為上午十時至下午六時。';
    expect(marked('展館幾點開門？', text, ['展館'])).toBe('上午十時至下午六時');
    expect(marked('展館幾點開門？', text.replace('上午十時至下午六時', '10:00-18:00'), ['展館'])).toBe('10:00-18:00');
  });

  it('keeps a reign year whole, with the Western year after it', () => {
    expect(marked('这座书院是哪一年修建的?', '这座书院修建于乾隆三十六年（1771年）,历时3年。', ['这座书院', '修建'])).toBe('乾隆三十六年（1771年）');
    // Any reign the Western year after it shows to be one, not only the reigns the pattern lists.
    expect(marked('她是什么时候去世的?', '她生于官宦之家。咸康七年（341年）三月,她去世了。', ['去世'])).toBe('咸康七年（341年）三月');
  });

  it('finds a year right after the … of a quote that starts mid-passage (normalized to ...), not only after text', () => {
    // The … is read as ..., and a year after a dot was taken for the decimals of a number (19.5).
    expect(marked('这座桥是哪一年建成的？', '…1961年建成。…', ['建成'])).toBe('1961年');
    expect(marked('这座庙是哪一年建成的？', '…728年建成。', ['建成'])).toBe('728年');
    expect(spansOf('date', normalize('長度是3.1961年'))).not.toContain('1961年');
  });

  it('never marks the question\'s own words', () => {
    expect(marked('2011年的游客有多少?', '2011年,游客达到85万人次。', ['2011年', '游客'])).toBe('85万人');
  });

  it('marks what follows 是 for a definition, to the end of its sentence', () => {
    expect(marked('综保区是什么?', '郴州有综保区。综保区是综合保税区的简称,享受特殊政策。', ['综保区'])).toBe('综合保税区的简称,享受特殊政策');
  });

  it('marks what follows the question\'s words before 什么 (哪些, 怎样) for a question of no shape', () => {
    const text = '这座古镇历史悠久。古镇的特产有黑茶、腊肉和擂茶,远近闻名。';
    expect(marked('古镇的特产有哪些?', text, ['古镇', '特产'])).toBe('黑茶、腊肉和擂茶');
    expect(marked('古镇的特产怎样?', '古镇的特产远近闻名,价格便宜。', ['古镇', '特产'])).toBe('远近闻名');
    expect(marked('请介绍古镇的特产', text, ['古镇', '特产'])).toBeNull();
  });

  it('lets the question\'s words before 是, 为, 在 or 叫 lead where the article writes none', () => {
    // The article writes 特产为…, 主办单位…, 别名…: no 是 after the question's words.
    expect(marked('古镇最有名的特产是哪种茶?', '这座古镇历史悠久,最有名的特产为黑茶,远近闻名。', ['古镇', '特产'])).toBe('黑茶');
    expect(marked('这次比赛的主办单位是谁?', '这次比赛于5月举行,主办单位市体育局和团市委,共有20支队伍参赛。', ['比赛', '主办单位'])).toBe('市体育局和团市委');
    expect(marked('这种草药叫什么名字?', '这种草药俗称金线莲,生长在山谷中。', ['这种草药'])).toBe('俗称金线莲');
    expect(marked('这座城市和省会是什么关系?', '这座城市是连接省会的门户,交通便利。', ['这座城市', '省会'])).toBe('门户');
  });

  it('marks what follows the article\'s 又名, 简称 … for a question asking what something is called', () => {
    expect(marked('这种草药又被称之为什么?', '这种草药生长在山谷中,又名金线莲,可以入药。', ['这种草药'])).toBe('金线莲');
    expect(marked('这个组织的简称是什么?', '这个组织成立于1978年,简称世羽联。', ['这个组织'])).toBe('世羽联');
  });

  it('prefers the name the question\'s own words lead to', () => {
    const text = '王老师早年认识了周树人,二十岁时拜齐白石为师,学习书法。';
    expect(marked('王老师二十岁时拜谁为师?', text, ['王老师'])).toBe('齐白石');
  });

  it('marks the name of the kind a question asks for (哪支球队, 哪国) where its own words lead nowhere', () => {
    expect(marked('这位球员是哪支球队的队长?', '2010年起,他担任米兰足球队队长,共出场120次。', ['球员', '队长'])).toBe('米兰足球队');
    expect(marked('她是哪国的演员?', '她生于1970年,是英国著名演员,曾获奥斯卡奖。', ['演员'])).toBe('英国');
  });

  it('keeps a foreign name whole across its middle dot', () => {
    expect(marked('这首曲子是谁写的?', '这首曲子由彼得·柴可夫斯基在1877年写成。', ['这首曲子'])).toBe('彼得·柴可夫斯基');
    // jieba tags 留 of 佛科留斯 a verb and 达 of 帕达里基 one too: characters names are spelt with go on.
    expect(spansOf('person', normalize('熱拉爾·佛科留斯依據三種型態的特徵'))).toContain('热拉尔·佛科留斯');
    expect(spansOf('person', '节目由杰瑞·帕达里基主持。')).toContain('杰瑞·帕达里基');
  });

  it('marks nothing when the question asks for no shape, or the excerpt holds none', () => {
    expect(marked('请介绍文物保护单位', excerpt, ['文物保护单位'])).toBeNull();
    expect(marked('这条路有多长?', '这条路很长,风景很好。', ['这条路'])).toBeNull();
  });
});

describe('markedPieces', () => {
  it('gives the excerpt back whole, the answer winning over a word of the question it overlaps', () => {
    const pieces = markedPieces('蓄水量81.2亿立方米。', [[0, 3], [6, 8]], [3, 11]);
    expect(pieces.map((p) => p.text).join('')).toBe('蓄水量81.2亿立方米。');
    expect(pieces.filter((p) => p.mark)).toEqual([
      { text: '蓄水量', mark: 'term' },
      { text: '81.2亿立方米', mark: 'answer' },
    ]);
  });

  it('skips bad ranges instead of garbling the quote', () => {
    const pieces = markedPieces('abcdef', [[4, 99], [-1, 2], [2.5, 3]], [5, 3]);
    expect(pieces).toEqual([{ text: 'abcdef', mark: null }]);
  });
});
