import { normalize } from '../text/normalize.js';
import { searchWords } from '../text/segment.js';
import { isStopWord } from '../text/stopwords.js';
import { generalWeight } from '../text/word-weights.js';
import type { DeclinedGroup } from './types.js';

interface Phrasing {
  question: string;
  normalized: string;
  asked: number;
  terms: Set<string>;
}

/** Phrasings this many or more, where a term in more than half of them is too common to group on. */
const UBIQUITY_MIN_PHRASINGS = 6;

/** Same question modulo case, width, script, spaces and punctuation. */
const sameQuestionKey = (normalized: string) => normalized.replace(/[\s\p{P}\p{S}]+/gu, '');

/**
 * Key terms of a question: the project's own normalization and search words, without
 * single characters (东, 喝, 钱: jieba leaves them over, they do not name a topic).
 */
function keyTerms(normalized: string): Set<string> {
  const words = searchWords(normalized);
  const multi = words.filter((w) => [...w].length >= 2);
  return new Set(multi.length ? multi : words);
}

/** Collapses repeats of the same question and computes each phrasing's key terms. */
function phrasingsOf(questions: string[]): Phrasing[] {
  const byKey = new Map<string, Phrasing>();
  for (const question of questions) {
    const normalized = normalize(question).trim();
    const key = sameQuestionKey(normalized) || normalized;
    const seen = byKey.get(key);
    if (seen) seen.asked++;
    else byKey.set(key, { question: question.trim(), normalized, asked: 1, terms: keyTerms(normalized) });
  }
  return [...byKey.values()];
}

interface Candidate {
  term: string;
  phrasings: number;
  asked: number;
}

/** Orders candidate terms: shared by more phrasings, asked more, rarer in the inbox, more informative, longer. */
function better(a: Candidate, b: Candidate, df: Map<string, number>): boolean {
  if (a.phrasings !== b.phrasings) return a.phrasings > b.phrasings;
  if (a.asked !== b.asked) return a.asked > b.asked;
  // Rarer over the whole inbox is more specific to this group (房价 over 郴州).
  const da = df.get(a.term) ?? 0;
  const db = df.get(b.term) ?? 0;
  if (da !== db) return da < db;
  const wa = generalWeight(a.term);
  const wb = generalWeight(b.term);
  if (wa !== wb) return wa > wb;
  if (a.term.length !== b.term.length) return a.term.length > b.term.length;
  return a.term < b.term;
}

/** The longest text around `term` that every text contains (江湖 in 东江湖水质, 东江湖的水能喝吗 → 东江湖). */
export function sharedLabel(term: string, texts: string[]): string {
  const [first, ...rest] = texts;
  if (first === undefined) return term;
  const at = first.indexOf(term);
  if (at < 0) return term;
  let start = at;
  let end = at + term.length;
  const sharedByAll = (s: string) => rest.every((t) => t.includes(s));
  while (start > 0 && /\S/u.test(first[start - 1]!) && sharedByAll(first.slice(start - 1, end))) start--;
  while (end < first.length && /\S/u.test(first[end]!) && sharedByAll(first.slice(start, end + 1))) end++;
  // A label is a topic: 下雨 rather than 下雨吗, 东江湖 rather than 东江湖的.
  while (start < at && isStopWord(first[start]!)) start++;
  while (end > at + term.length && isStopWord(first[end - 1]!)) end--;
  return first.slice(start, end);
}

function toGroup(term: string, members: Phrasing[]): DeclinedGroup {
  const sorted = [...members].sort((a, b) => b.asked - a.asked || a.question.localeCompare(b.question));
  return {
    term,
    // One phrasing shares nothing with another: its key term says more than the whole question.
    label: sorted.length > 1 ? sharedLabel(term, sorted.map((m) => m.normalized)) : term,
    asked: sorted.reduce((n, m) => n + m.asked, 0),
    questions: sorted.map(({ question, asked }) => ({ question, asked })),
  };
}

/**
 * Groups declined questions by the key terms they share, so different phrasings of one
 * missing topic (东江湖水质, 東江湖的水質怎麼樣, 东江湖的水能喝吗) show as one line of the inbox.
 * Greedy: the term shared by the most phrasings forms a group, its questions leave the pool,
 * repeat; what shares nothing stands alone under its most informative term. A term in more
 * than half of many phrasings (郴州, in questions about 郴州) is too common to group on.
 * Groups come most asked first.
 */
export function groupDeclined(questions: string[]): DeclinedGroup[] {
  const phrasings = phrasingsOf(questions);
  const df = new Map<string, number>();
  for (const p of phrasings) for (const t of p.terms) df.set(t, (df.get(t) ?? 0) + 1);
  const tooCommon = (t: string) => phrasings.length >= UBIQUITY_MIN_PHRASINGS && (df.get(t) ?? 0) > phrasings.length / 2;

  const groups: DeclinedGroup[] = [];
  let pool = phrasings;
  for (;;) {
    const candidates = new Map<string, Candidate>();
    for (const p of pool) {
      for (const term of p.terms) {
        if (tooCommon(term)) continue;
        const c = candidates.get(term) ?? { term, phrasings: 0, asked: 0 };
        c.phrasings++;
        c.asked += p.asked;
        candidates.set(term, c);
      }
    }
    let best: Candidate | null = null;
    for (const c of candidates.values()) if (c.phrasings >= 2 && (!best || better(c, best, df))) best = c;
    if (!best) break;
    const term = best.term;
    groups.push(toGroup(term, pool.filter((p) => p.terms.has(term))));
    pool = pool.filter((p) => !p.terms.has(term));
  }
  for (const p of pool) {
    const terms = [...p.terms];
    const term = terms.reduce<string | null>((a, t) => (a === null || generalWeight(t) > generalWeight(a) ? t : a), null) ?? p.normalized;
    groups.push(toGroup(term, [p]));
  }
  return groups.sort((a, b) => b.asked - a.asked || b.questions.length - a.questions.length || a.label.localeCompare(b.label));
}
