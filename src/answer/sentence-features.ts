/**
 * What the sentence model (sentence-model.ts) knows of each sentence of a passage: the
 * question as it sees it (`sentenceQuery`) and one row of features per sentence.
 */
import type { AnalyzedQuestion } from './analyze.js';
import { hasAnswerShape, type AnswerType, type QuestionType } from './question-type.js';
import { asksList, before, cue, lead, listShare } from './question-cues.js';
import { holdsNewSpan, isPatternType } from './typed-spans.js';

/** A normalized question term and how much it says (its IDF). */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** What choosing a passage's answering sentence needs to know of a question. */
export interface SentenceQuery {
  normalized: string;
  type: QuestionType;
  answerType: AnswerType;
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
export function sentenceQuery(a: Pick<AnalyzedQuestion, 'normalized' | 'type' | 'answerType' | 'terms' | 'bigramTerms' | 'phrase'>): SentenceQuery {
  const chars = new Set(a.terms.flatMap((t) => [...t.term]));
  const bigrams = a.bigramTerms.filter((t) => [...t.term].every((c) => chars.has(c)));
  const terms = [...a.terms.map(({ term, weight }) => ({ term, weight })), ...bigrams];
  return { normalized: a.normalized, type: a.type, answerType: a.answerType, terms, phrase: a.phrase };
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
  'cue',
  'before',
  'wordsBehind',
  'charsBehind',
  'beforeBehind',
  'predicateBehind',
  'position',
  'fromBest',
  'sentences',
  'list',
  'listAsked',
] as const;

/** Weight of a title word inside its own passage: the whole passage is about it, so it tells sentences apart little. */
const TITLE_FACTOR = 0.25;
/** Sentences this far from the best by words count as far (`fromBest` is capped at 1). */
const FAR = 5;
/** Passages of this many sentences count as long (`sentences` is capped at 1). */
const MANY_SENTENCES = 20;
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

/** A span of the asked-for type (a price, a number with its unit, a date, a duration, a distance) that the question does not already hold. */
function typed(q: SentenceQuery, sentence: string): number {
  return isPatternType(q.answerType) && holdsNewSpan(q.answerType, q.normalized, sentence) ? 1 : 0;
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
  const charShares = sentenceNorms.map((s) => (chars.length ? chars.filter((c) => s.includes(c)).length / chars.length : 0));
  const answers = cue(q.normalized);
  const leadText = lead(q.normalized);
  const befores = sentenceNorms.map((s) => before(leadText, s));
  const n = sentenceNorms.length;
  const best = isBest.indexOf(1);
  const list = asksList(q.normalized) ? 1 : 0;
  const [topWords, topChars, topBefore, topPredicate] = [words, charShares, befores, predicates].map((xs) => Math.max(...xs));
  return sentenceNorms.map((s, i) => {
    const shape = hasAnswerShape(q.type, s) ? 1 : 0;
    const items = listShare(s);
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
      charShares[i]!,
      typed(q, s),
      answers?.test(s) ? 1 : 0,
      befores[i]!,
      // How far behind the passage's best this sentence is, where in the passage it stands, and how many
      // sentences there are: what the boosted trees combine with the shares above (DESIGN.md).
      words[i]! - topWords!,
      charShares[i]! - topChars!,
      befores[i]! - topBefore!,
      predicates[i]! - topPredicate!,
      i / n,
      best < 0 ? 1 : Math.min(FAR, Math.abs(i - best)) / FAR,
      Math.min(1, n / MANY_SENTENCES),
      // A list (、), and a list where the question asks for several things (哪些).
      items,
      list * items,
    ];
  });
}
