import { normalize } from '../text/normalize.js';
import { taggedWords } from '../text/segment.js';
import { isPunctuation, isStopWord } from '../text/stopwords.js';

/**
 * Follow-up questions: ones that lean on the previous turn and name only what
 * changed. Found and completed lexically (markers, jieba's parts of speech),
 * on normalized text, so Simplified, Traditional and Cantonese read the same.
 *
 * - `more`: 还有呢 / 别的呢 / 仲有呢: the previous question again, other passages.
 * - `pronoun`: 它 / 这家公司 / 那里 / 佢 / 嗰度 …: the pronoun stands for the previous subject.
 * - `ellipsis`: 那X呢 / X呢 / 一共多少 / 咁X呢: X takes the place of its counterpart in the previous question.
 */
export type FollowUpKind = 'more' | 'pronoun' | 'ellipsis';

export interface FollowUp {
  kind: FollowUpKind;
  /** The follow-up's own words, markers removed (kept in order, question words included). */
  words: Tagged[];
  /** Its content words: what the answer must show for the completion to count. */
  own: string[];
}

export interface Tagged {
  word: string;
  tag: string;
}

// 那 leads a follow-up (那综保区呢), but 那里 / 那个 are pronouns.
const LEAD = /^(那么|那(?![里儿边个些])|咁|而|还有|仲有|另外)(?=.)/u;
const TRAIL = /(呢|咧|嘞|啊|呀)?[?？!！。.\s]*$/u;
const ENDS_WITH_NE = /(呢|咧)[?？!！。.\s]*$/u;
const MORE = /^(还有|仲有|另外|其他|其它|别的|其余|剩下|更多|再来)(的|嘅)?(呢|吗|冇|没有|嘛|么|啊|的呢|的吗|一些|一个)?$/u;
const TOTAL = /(一共|总共|合共|合计|加起来|总计|共计)/u;
/** Words that stand for something named before. Longest first. */
const PRONOUNS = [
  '这家公司', '那家公司', '该公司', '这个公司', '这间公司', '那间公司', '呢间公司', '嗰间公司', '这家企业', '该企业', '这个项目', '该项目',
  '这个地方', '那个地方', '这座城市', '那座城市', '该市', '这个城市', '当地', '那里', '那儿', '那边', '这里', '这儿', '嗰度', '嗰边', '呢度',
  '它们', '他们', '她们', '佢哋', '它', '他', '她', '佢', '其',
];
const PRONOUN = new RegExp(PRONOUNS.join('|'), 'u');
const PLACE_PRONOUN = /那里|那儿|那边|这里|这儿|嗰度|嗰边|呢度|当地|地方|城市|该市/u;
/** Question words: a follow-up that has its own replaces the previous ones. */
const QUESTION_WORD = /^(什么|啥|怎么|怎样|怎么样|如何|为什么|为何|哪|哪里|哪儿|哪些|哪个|哪家|哪年|多少|几|几个|多|多大|多长|多久|多高|多远|谁|何时|几时|是否|是不是|吗|多少钱|什么时候)$/u;
/** `X的呢`: X qualifies the thing asked about before. */
const MODIFIER_ONLY = /的(呢|咧)?[?？!！。.\s]*$/u;
/** More content words than this, and `那…呢` is a new question, not a follow-up. */
const MAX_OWN_WORDS = 3;

const NOUN_TAG = /^(n|nr|ns|nt|nz|nrt|vn|x|b|j|eng|an)$/u;
const NAME_TAG = /^(nr|ns|nt|nz|nrt|x|eng)$/u;
const isPlace = (t: Tagged) => t.tag === 'ns';
const isContent = (t: Tagged) => !isStopWord(t.word) && !QUESTION_WORD.test(t.word);

export function tag(normalized: string): Tagged[] {
  return taggedWords(normalized).filter((t) => !isPunctuation(t.word) && t.word.trim() !== '');
}

/** The words of a question as kept for the next turn (normalized, punctuation dropped). */
export function topicOf(question: string): string[] {
  return tag(normalize(question).trim().replace(TRAIL, '').replace(LEAD, '')).map((t) => t.word);
}

/** Whether the question leans on the previous turn, and how; null for a complete question. */
export function detectFollowUp(question: string): FollowUp | null {
  const text = normalize(question).trim();
  const bare = text.replace(TRAIL, '');
  if (MORE.test(bare) || /^(还有|仲有)(别的|其他|其它|更多)/u.test(bare)) return { kind: 'more', words: [], own: [] };
  const pronoun = PRONOUN.exec(bare);
  const stripped = bare.replace(LEAD, '').replace(TOTAL, '');
  const words = tag(pronoun ? stripped.replace(pronoun[0], ' ') : stripped);
  const own = words.filter(isContent).map((t) => t.word);
  if (pronoun) return { kind: 'pronoun', words: tag(stripped), own };
  const marked = LEAD.test(bare) || ENDS_WITH_NE.test(text) || TOTAL.test(bare);
  if (!marked || own.length > MAX_OWN_WORDS) return null;
  return { kind: 'ellipsis', words, own };
}

/** The counterpart of `w` in the previous question, by index; -1 when it has none. */
function counterpart(w: Tagged, previous: Tagged[], used: Set<number>): number {
  const candidates = previous.map((t, i) => ({ t, i })).filter(({ t, i }) => !used.has(i) && isContent(t) && [...t.word].length > 1);
  if (isPlace(w)) return candidates.filter(({ t }) => isPlace(t)).at(-1)?.i ?? -1;
  if (!NOUN_TAG.test(w.tag)) return -1;
  // Same head (高新区 / 综保区, 国家级 / 省级): the closest kin.
  const sameHead = candidates.find(({ t }) => !isPlace(t) && t.word.at(-1) === w.word.at(-1));
  if (sameHead) return sameHead.i;
  // The same kind of word (湟水 / 武水: both unknown to jieba, or both from userdict.txt).
  const sameTag = candidates.filter(({ t }) => t.tag === w.tag).at(-1);
  if (sameTag) return sameTag.i;
  // Otherwise the last thing named that is not the subject (东江湖的水质 → 东江湖的蓄水量).
  const things = candidates.filter(({ t }) => !isPlace(t) && NOUN_TAG.test(t.tag));
  if (things.length === 1) return things[0]!.i;
  const firstContent = previous.findIndex(isContent);
  return things.filter(({ i }) => i !== firstContent).at(-1)?.i ?? -1;
}

/** The subject the previous question was about: its first run of content words (湖南湘晨通用航空有限公司). */
function subjectOf(previous: Tagged[], placeOnly: boolean): string {
  if (placeOnly) {
    const place = previous.filter(isPlace).at(-1);
    if (place) return place.word;
  }
  const start = previous.findIndex((t) => isContent(t) && (NOUN_TAG.test(t.tag) || isPlace(t)));
  if (start < 0) return '';
  // A name goes on while the words are names too (湖南 湘晨 → 湖南湘晨); jieba tags some verbs as nouns, so no further.
  let end = start;
  while (end + 1 < previous.length && isContent(previous[end + 1]!) && NAME_TAG.test(previous[end + 1]!.tag)) end++;
  return previous.slice(start, end + 1).map((t) => t.word).join('');
}

/**
 * The follow-up as a complete question, from the previous turn's topic words.
 * Returns its words (the next turn's topic) and the question text.
 */
export function completeFollowUp(question: string, followUp: FollowUp, previousTopic: string[]): { question: string; topic: string[] } {
  const previous = tag(previousTopic.join(''));
  if (followUp.kind === 'more') return { question: previousTopic.join(''), topic: previousTopic };
  if (followUp.kind === 'pronoun') {
    const text = normalize(question).replace(TRAIL, '').replace(LEAD, '');
    const pronoun = PRONOUN.exec(text)?.[0] ?? '';
    const completed = pronoun ? text.replace(pronoun, subjectOf(previous, PLACE_PRONOUN.test(pronoun))) : text;
    return { question: completed, topic: tag(completed).map((t) => t.word) };
  }
  const out = previous.map((t) => t.word);
  const used = new Set<number>();
  const added: string[] = [];
  const modifier = previous.findIndex((t) => t.tag === 'b' || t.tag === 'a');
  if (MODIFIER_ONLY.test(normalize(question)) && modifier >= 0 && followUp.own.length > 0) {
    // 省级的呢 / 全国重点的呢: a new modifier for the same thing (国家级高新区 → 省级高新区).
    out[modifier] = followUp.own.join('');
    const completed = out.join('');
    return { question: completed, topic: tag(completed).map((t) => t.word) };
  }
  const ownContent = followUp.words.filter(isContent);
  if (ownContent.length > 1 && ownContent.every((t) => NOUN_TAG.test(t.tag))) {
    // 红色旅游资源呢: a new noun phrase for the last one asked about (全国重点文物保护单位).
    const last = previous.findLastIndex((t) => isContent(t) && NOUN_TAG.test(t.tag) && !isPlace(t));
    if (last >= 0) {
      let first = last;
      while (first > 0 && isContent(previous[first - 1]!) && NOUN_TAG.test(previous[first - 1]!.tag)) first--;
      out.splice(first, last - first + 1, ownContent.map((t) => t.word).join(''));
      const completed = out.join('');
      return { question: completed, topic: tag(completed).map((t) => t.word) };
    }
  }
  const ownQuestionWords = followUp.words.filter((t) => QUESTION_WORD.test(t.word) && t.word !== '吗');
  for (const w of followUp.words.filter(isContent)) {
    // Named before already (郴州到广州… → 那广州呢): nothing to replace.
    if (previous.some((t) => t.word === w.word)) continue;
    const i = counterpart(w, previous, used);
    if (i >= 0) {
      out[i] = w.word;
      used.add(i);
    } else added.push(w.word);
  }
  if (ownQuestionWords.length > 0) {
    // The follow-up asks its own kind of question (一共多少, 在哪里呢): it replaces the previous question words.
    const first = previous.findIndex((t) => QUESTION_WORD.test(t.word));
    const kept = out.filter((_, i) => !QUESTION_WORD.test(previous[i]!.word));
    const at = first < 0 ? kept.length : Math.min(first, kept.length);
    kept.splice(at, 0, ...ownQuestionWords.map((t) => t.word));
    out.splice(0, out.length, ...kept);
  }
  const completed = [...added, ...out].join('');
  return { question: completed, topic: tag(completed).map((t) => t.word) };
}
