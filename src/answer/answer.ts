import type { Passage } from '../knowledge/types.js';
import type { SearchIndex } from '../search/search-index.js';
import type { Synonyms } from '../search/synonyms.js';
import { analyzeQuestion, type AnalyzedQuestion } from './analyze.js';
import { answerSpan, spanQuestion, type SpanQuestion } from './answer-span.js';
import { gives, mustGive, notGivenNote } from './asked-kind.js';
import { QuestionError } from '../shared/errors.js';
import { MAX_QUESTION_LENGTH } from '../shared/limits.js';
import { chooseExcerpt } from './excerpt.js';
import { sentenceQuery } from './sentence-model.js';
import { quotedPassage } from './quoted-passage.js';
import { retrieve } from './retrieve.js';
import type { AnswerDraft, AnswerResult, AskOptions } from './types.js';

/**
 * The top passage must hold at least this IDF-weighted share of the
 * question's informative words, or the question is declined. Measured on the
 * public sets, never fitted to the seed questions: the answered rate on
 * cmrc2018-dev and drcd-dev, and the declined rate of cmrc2018-dev's questions
 * asked against the shipped article (README, "Quality").
 */
export const MIN_COVERAGE = 0.35;
/** Further results must be nearly as good as the first to be shown at all. */
const MIN_RELATIVE_SCORE = 0.5;
/**
 * ...and hold most of what the first holds of the question on their own (its support), not
 * only the name it asks about: a paragraph about fog on 小东江 mentions 东江湖 but says
 * nothing of its water quality. A hand rule: the eval sets score only the first result.
 */
const MIN_RELATIVE_SUPPORT = 0.75;
export const DEFAULT_LIMIT = 3;
export const MAX_LIMIT = 10;

/** Results per page an ask gets: its `limit`, 1 to MAX_LIMIT (DEFAULT_LIMIT when not given). */
export function clampLimit(options: AskOptions): number {
  return Math.min(Math.max(1, options.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
}

export interface ArticleAnswererDeps {
  index: SearchIndex;
  synonyms: Synonyms;
  /** What the knowledge base covers, offered when a question is declined. */
  suggestions: () => string[];
}

/** Trims and checks a question; throws QuestionError with a message fit for the user. */
export function checkQuestion(question: string): string {
  const q = typeof question === 'string' ? question.trim() : '';
  if (q === '') throw new QuestionError('empty', '问题不能为空，请输入您想了解的内容。');
  if ([...q].length > MAX_QUESTION_LENGTH) {
    throw new QuestionError('too_long', `问题太长了（最多 ${MAX_QUESTION_LENGTH} 个字），请简短一些再问。`);
  }
  return q;
}

function toResult(p: Passage, score: number, excerpt: ReturnType<typeof chooseExcerpt>, asked: SpanQuestion): AnswerResult {
  return {
    excerpt: excerpt.excerpt,
    highlights: excerpt.highlights,
    answer: answerSpan(excerpt.excerpt, excerpt.highlights, asked),
    passageId: p.id,
    article: p.article,
    section: p.section,
    paragraph: p.paragraph,
    ...(p.page ? { page: p.page } : {}),
    source: p.source,
    url: p.url,
    score: Math.round(score * 1000) / 1000,
  };
}

/**
 * The answer from the articles alone, over one index: `answer(question)`, and `rank`
 * (retrieval only, for evaluation). The engine puts the FAQ around it (faq/compose.ts),
 * citing the passage a FAQ answer was copied from with `quotedPassage` and `quote`.
 */
export function createArticleAnswerer({ index, synonyms, suggestions }: ArticleAnswererDeps) {
  /** Passage ids in rank order, before declining and excerpting: what Recall@k and MRR measure. */
  function rank(question: string, k = 10): string[] {
    const analyzed = analyzeQuestion(checkQuestion(question), index);
    return retrieve(analyzed, index, synonyms.group)
      .slice(0, k)
      .map((r) => index.passages[r.doc]!.id);
  }
  /** Quotes passages for one analyzed question (its sentence query and span question derived once). */
  function excerpter(analyzed: AnalyzedQuestion) {
    const query = sentenceQuery(analyzed);
    const asked = spanQuestion(analyzed.normalized, analyzed.answerType);
    return (doc: number, score: number): AnswerResult => {
      const p = index.passages[doc]!;
      return toResult(p, score, chooseExcerpt(p.text, query, undefined, { title: p.article }), asked);
    };
  }
  /** One passage quoted for a question, whatever its rank (the passage a FAQ answer was copied from), shown with `score`. */
  function quote(doc: number, question: string, score: number): AnswerResult {
    return excerpter(analyzeQuestion(checkQuestion(question), index))(doc, score);
  }
  function answer(question: string, options: AskOptions = {}): AnswerDraft {
    const q = checkQuestion(question);
    const limit = clampLimit(options);
    const offset = Math.max(0, options.offset ?? 0);
    const analyzed = analyzeQuestion(q, index);
    // A place, person or organisation the question names and no article mentions: what it asks of it is not here.
    if (analyzed.absentNames.length > 0) {
      const note = `知识库里没有找到${analyzed.absentNames.map((n) => `“${n}”`).join('、')}：文章没有提到，无法回答这个问题。`;
      return { question: q, answered: false, results: [], suggestions: suggestions(), note };
    }
    let ranked = retrieve(analyzed, index, synonyms.group);
    if (mustGive(analyzed) && ranked[0] && ranked[0].support >= MIN_COVERAGE) {
      // A price or a distance is answered by a passage that gives one for the places asked (asked-kind.ts).
      ranked = ranked.filter((r) => gives(analyzed, `${index.titles[r.doc]!}\n${index.norms[r.doc]!}`));
      if (ranked.length === 0) return { question: q, answered: false, results: [], suggestions: suggestions(), note: notGivenNote(analyzed) };
    }
    const top = ranked[0];
    if (!top || top.support < MIN_COVERAGE) {
      return { question: q, answered: false, results: [], suggestions: suggestions() };
    }
    const good = ranked.filter(
      (r) =>
        r === top ||
        (r.support >= Math.max(MIN_COVERAGE, options.related ? 0 : MIN_RELATIVE_SUPPORT * top.support) && r.score >= MIN_RELATIVE_SCORE * top.score),
    );
    const quoteOf = excerpter(analyzed);
    const results = good.slice(offset, offset + limit).map((r) => quoteOf(r.doc, r.score));
    return { question: q, answered: true, results, suggestions: [] };
  }
  return { answer, rank, quote, quotedPassage: (text: string) => quotedPassage(text, index, synonyms.group) };
}
