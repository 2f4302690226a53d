import { isRareBigram, type SearchIndex } from '../search/search-index.js';
import { normalize } from '../text/normalize.js';
import { NUMBER_START } from '../text/numerals.js';
import { isCjkWord } from '../text/cjk.js';
import { tokens } from '../text/terms.js';
import { taggedWords } from '../text/segment.js';
import { generalWeight } from '../text/word-weights.js';
import type { WeightedTerm } from './excerpt.js';
import { answerType, coarseType, type AnswerType, type QuestionType } from './question-type.js';

/**
 * A term found in more than this share of passages says nothing about which
 * one answers (郴州 in an article about 郴州): it neither ranks nor counts
 * towards answering. Only applied once the knowledge base has enough passages
 * for the share to mean something.
 */
export const UBIQUITY = 0.5;
const MIN_PASSAGES_FOR_UBIQUITY = 10;

/** At most this many query bigrams are searched, the rarest first (only rare ones are indexed: see search-index.ts). */
export const QUERY_BIGRAMS = { max: 8 };

export interface AnalyzedQuestion {
  question: string;
  normalized: string;
  type: QuestionType;
  /** The fine type: what span would answer (a duration, a distance, a date…). */
  answerType: AnswerType;
  words: string[];
  bigrams: string[];
  /**
   * Informative words. `weight` is how informative the word is in general
   * Chinese (decides whether the knowledge base answers at all, and which
   * sentence to quote); `localWeight` is its IDF in this knowledge base (ranks passages).
   */
  terms: Array<WeightedTerm & { localWeight: number }>;
  /** Bigrams with a fraction of their IDF: rescue words that jieba segments differently in the passage. */
  bigramTerms: WeightedTerm[];
  /** Every informative bigram of the question with its IDF: phrase-level overlap with a sentence. */
  phrase: WeightedTerm[];
  /** Names of places, people or organisations in the question that no passage mentions (长沙 asked of an article about 郴州). */
  absentNames: string[];
  /** The places the question names that it searches for (广州 of 郴州离广州多远; not a place in most passages). */
  places: string[];
  /**
   * The terms coverage counts: a part of a longer question word (东江 of 东江湖) is that
   * word again, counted once, through the whole word.
   */
  wholeTerms: AnalyzedQuestion['terms'];
  /**
   * What the question names exactly, normalized: the text it quotes (「第二次进口替代」, 《魔戒》), its
   * numbers of two digits or more (1997, 81.2) and its Latin words (iphone, mp5). On cmrc2018-train
   * the gold passage holds 98.5%, 99.0% and 99.8% of them as written.
   */
  exact: string[];
}

/** Quoted text of at least two characters, inside 「」, 『』, “”, 《》 or "". */
const QUOTED = /[「『“《"]([^「」『』“”《》"]{2,40})[」』”》"]/gu;
/** Numbers of two digits or more (a year, 81.2) and Latin words of two letters or more (normalized text is lower-case). */
const EXACT = new RegExp(String.raw`${NUMBER_START}\d{2,}(?:\.\d+)?(?![\d.])|(?<![a-z])[a-z][a-z0-9-]+`, 'gu');

/** jieba's tags for names: places, people (and transliterated ones), organisations. */
const NAME_TAGS = new Set(['ns', 'nr', 'nrt', 'nt']);

/**
 * A question bigram's weight, as a share of its IDF, when it helps choose the excerpt: it
 * re-counts characters of words already weighted, so it only tips the balance where jieba
 * segmented the passage differently (a name it does not know, Traditional text).
 */
const BIGRAM_SHARE = 0.25;

/**
 * Words that hedge or quantify what is asked rather than name it (计划 of 郴州计划打造什么品牌,
 * 多数 of 打工的人多数去哪), or mark the era of the year asked (西元 of 狄托於西元幾年過世): the
 * answering sentence rarely repeats them, so they count for
 * a fraction of their weight, in ranking and in deciding whether the knowledge base answers.
 */
const HEDGE_WORDS = new Set(
  '计划 打算 准备 希望 想要 主要 大多 多数 大多数 大部分 一般 通常 具体 究竟 到底 真的 其实 大概 大约 差不多 基本 基本上 一共 总共 分别 经常 常常 一直 曾经 已经 将要 即将 目前 现在 如今 当前 公元 西元'.split(' '),
);
const HEDGE_FACTOR = 0.25;

const idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** Estimated document frequency of a word; for a word the index does not know, from its rarest bigram. */
function documentFrequency(index: SearchIndex, word: string): number {
  const df = index.wordDf(word);
  if (df > 0 || word.length < 2 || !isCjkWord(word)) return df;
  let min = Infinity;
  for (let i = 0; i + 1 < word.length; i++) min = Math.min(min, index.bigramDf(word.slice(i, i + 2)));
  return min === Infinity ? 0 : min;
}

export function analyzeQuestion(question: string, index: SearchIndex): AnalyzedQuestion {
  const normalized = normalize(question);
  const t = tokens(normalized);
  const n = index.size;
  const ubiquitous = (df: number) => n >= MIN_PASSAGES_FOR_UBIQUITY && df / n > UBIQUITY;
  const words = [...new Set(t.words)];
  const terms: AnalyzedQuestion['terms'] = [];
  for (const word of words) {
    const df = documentFrequency(index, word);
    const hedge = HEDGE_WORDS.has(word) ? HEDGE_FACTOR : 1;
    if (!ubiquitous(df)) terms.push({ term: word, weight: hedge * generalWeight(word), localWeight: hedge * idf(n, df) });
  }
  const grams = [...new Set(t.bigrams)]
    .map((gram) => ({ gram, df: index.bigramDf(gram) }))
    .filter(({ df }) => isRareBigram(df, n) && !ubiquitous(df))
    .sort((a, b) => a.df - b.df)
    .slice(0, QUERY_BIGRAMS.max);
  const bigramTerms: WeightedTerm[] = grams.map(({ gram, df }) => ({ term: gram, weight: BIGRAM_SHARE * idf(n, df) }));
  const phrase: WeightedTerm[] = [...new Set(t.bigrams)]
    .map((gram) => ({ term: gram, df: index.bigramDf(gram) }))
    .filter(({ df }) => df > 0 && !ubiquitous(df))
    .map(({ term, df }) => ({ term, weight: idf(n, df) }));
  const names = taggedWords(normalized).filter((w) => NAME_TAGS.has(w.tag) && w.word.length > 1);
  const searched = new Set(terms.map((x) => x.term));
  const places = [...new Set(names.filter((w) => w.tag === 'ns' && searched.has(w.word)).map((w) => w.word))];
  const absentNames = [...new Set(names.map((w) => w.word))].filter(
    (w) => index.wordDf(w) === 0 && [...w].every((_, i) => i + 1 >= w.length || index.bigramDf(w.slice(i, i + 2)) === 0),
  );
  const wholeTerms = terms.filter(({ term }) => !terms.some((t) => t.term.length > term.length && t.term.includes(term)));
  return {
    question,
    wholeTerms,
    exact: [
      ...[...normalized.matchAll(QUOTED)].map((m) => m[1]!.trim()).filter((x) => x.length > 1),
      ...[...normalized.matchAll(EXACT)].map((m) => m[0]),
    ],
    normalized,
    absentNames,
    places,
    type: coarseType(answerType(normalized)),
    answerType: answerType(normalized),
    words: terms.map((x) => x.term),
    bigrams: bigramTerms.map((x) => x.term),
    terms,
    bigramTerms,
    phrase,
  };
}
