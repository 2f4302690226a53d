import type { AnalyzedQuestion } from './analyze.js';
import { hasAnswerShape, type QuestionType } from './question-type.js';
import { SENTENCE_WEIGHTS } from './sentence-weights.js';

/** A normalized question term and how much it says (its IDF). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** What choosing a passage's answering sentence needs to know of a question. */
export interface SentenceQuery {
  normalized: string;
  type: QuestionType;
  /** Informative words, and the rescue bigrams made of their characters (general weights). */
  terms: WeightedTerm[];
  /** The question's bigrams with their IDF: word order. */
  phrase: WeightedTerm[];
}

/**
 * The question as the sentence model sees it: its informative words, and those of its
 * rescue bigrams made only of characters of informative words (not 哪些 or 么是, which
 * come from the question words around them).
 */
export function sentenceQuery(a: Pick<AnalyzedQuestion, 'normalized' | 'type' | 'terms' | 'bigramTerms' | 'phrase'>): SentenceQuery {
  const chars = new Set(a.terms.flatMap((t) => [...t.term]));
  const bigrams = a.bigramTerms.filter((t) => [...t.term].every((c) => chars.has(c)));
  const terms = [...a.terms.map(({ term, weight }) => ({ term, weight })), ...bigrams];
  return { normalized: a.normalized, type: a.type, terms, phrase: a.phrase };
}

/** Names of the features `sentenceFeatures` computes, in row order (sentence-weights.ts lists the same). */
export const SENTENCE_FEATURES = [
  'words',
  'predicate',
  'phrase',
  'isBest',
  'isBestPredicate',
  'afterBest',
  'beforeBest',
  'shape',
  'shapeAfterBest',
  'definition',
  'first',
  'length',
  'prevWords',
  'nextWords',
  'chars',
  'typed',
] as const;

/** Weight of a title word inside its own passage: the whole passage is about it, so it tells sentences apart little. */
const TITLE_FACTOR = 0.25;
/** Sentences of about this many characters count as long (the `length` feature is capped at 1). */
const LONG_SENTENCE = 100;
const DEFINITION = /是什么|什么是|指什么|是指什么|的意思|是谁$/u;
/** Characters of question words and grammar, which say nothing of where the answer is. */
const FUNCTION_CHARS = new Set('的了是在有什么哪里谁几多少怎样如何为何吗呢和与及其这那个一些被把对于从到以由而也都就还又才很最呀吧啊请问');
const CJK = /\p{Script=Han}/u;

/** The question's own characters (not question words, not the passage's title): matched one by one, they survive segmentation and wording. */
function contentChars(normalized: string, title: string): string[] {
  return [...new Set([...normalized].filter((c) => CJK.test(c) && !FUNCTION_CHARS.has(c) && !title.includes(c)))];
}

/** Spans shaped like the answer of each type, for `typed` (a number or date the question does not already hold). */
const TYPED: Partial<Record<QuestionType, RegExp>> = {
  number: /\d[\d.,]*\s*[^\d\s.,，。、；]?|[一二三四五六七八九十百千万亿两]+[个项处位名家条次年天岁倍种元米吨]/gu,
  time: /\d{1,4}\s*年|\d{1,2}\s*月|\d{1,2}\s*日|世纪|年代|[一二三四五六七八九十]+年/gu,
};
function typed(q: SentenceQuery, sentence: string): number {
  const pattern = TYPED[q.type];
  if (!pattern) return 0;
  for (const m of sentence.matchAll(pattern)) if (!q.normalized.includes(m[0])) return 1;
  return 0;
}

/**
 * Re-weights the question's terms for one passage's sentences: a term found in many of
 * them (or in the title, the entity the passage is about) says little about which answers.
 */
function localWeights(terms: WeightedTerm[], sentenceNorms: string[], inTitle: (t: string) => boolean): WeightedTerm[] {
  const n = sentenceNorms.length;
  return terms.map(({ term, weight }) => {
    const sf = sentenceNorms.reduce((k, s) => k + (s.includes(term) ? 1 : 0), 0);
    const spread = sf === 0 ? 1 : Math.log(1 + n / sf) / Math.log(1 + n);
    return { term, weight: weight * spread * (inTitle(term) ? TITLE_FACTOR : 1) };
  });
}

function share(terms: WeightedTerm[], text: string): number {
  let found = 0;
  let total = 0;
  for (const t of terms) {
    total += t.weight;
    if (text.includes(t.term)) found += t.weight;
  }
  return total > 0 ? found / total : 0;
}

/** A definition: a question word followed closely by 是/指/为, or opening the sentence with a comma or bracket (何尊，西周早期的…). */
function defines(terms: WeightedTerm[], sentence: string): boolean {
  return terms.some(({ term }) => {
    const i = sentence.indexOf(term);
    if (i < 0) return false;
    const rest = sentence.slice(i + term.length);
    return /^.{0,4}?(?:是|指|为|即|意为|意思是)/u.test(rest) || (i === 0 && /^[,，(（]/u.test(rest));
  });
}

const marks = (xs: number[]) => {
  const best = Math.max(0, ...xs);
  return xs.map((x) => (best > 0 && x === best ? 1 : 0));
};

/** One row of features per sentence (normalized text) of a passage, named by SENTENCE_FEATURES. */
export function sentenceFeatures(q: SentenceQuery, sentenceNorms: string[], title: string): number[][] {
  const inTitle = (t: string) => title !== '' && (title.includes(t) || (t.length > 1 && t.includes(title)));
  const local = localWeights(q.terms, sentenceNorms, inTitle);
  const words = sentenceNorms.map((s) => share(local, s));
  // What the question asks about the entity the passage is about: its words outside the title (分布 in 长棘天竺鲷分布在哪里).
  const predicate = local.filter((t) => !inTitle(t.term));
  const predicates = sentenceNorms.map((s) => share(predicate, s));
  const isBest = marks(words);
  const isBestPredicate = marks(predicates);
  const definition = DEFINITION.test(q.normalized);
  const chars = contentChars(q.normalized, title);
  return sentenceNorms.map((s, i) => {
    const shape = hasAnswerShape(q.type, s) ? 1 : 0;
    const afterBest = isBest[i - 1] ?? 0;
    return [
      words[i]!,
      predicates[i]!,
      share(q.phrase, s),
      isBest[i]!,
      isBestPredicate[i]!,
      afterBest,
      isBest[i + 1] ?? 0,
      shape * words[i]!,
      shape * afterBest,
      definition && defines(local, s) ? 1 : 0,
      i === 0 ? 1 : 0,
      Math.min(1, s.length / LONG_SENTENCE),
      words[i - 1] ?? 0,
      words[i + 1] ?? 0,
      chars.length ? chars.filter((c) => s.includes(c)).length / chars.length : 0,
      typed(q, s),
    ];
  });
}

/** The fitted log-odds of each sentence answering (sentence-weights.ts, written by `npm run fit`). */
export function sentenceScores(q: SentenceQuery, sentenceNorms: string[], title: string, weights: readonly number[] = SENTENCE_WEIGHTS.weights): number[] {
  const { features } = SENTENCE_WEIGHTS;
  if (features.join() !== SENTENCE_FEATURES.join()) {
    throw new Error(`sentence-weights.ts names ${features.join(',')}, the code computes ${SENTENCE_FEATURES.join(',')}: run npm run fit`);
  }
  return sentenceFeatures(q, sentenceNorms, title).map((row) => row.reduce((s, x, i) => s + x * weights[i]!, 0));
}
