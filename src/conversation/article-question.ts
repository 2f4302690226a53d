import { settle, type Answer, type AnswerResult } from '../answer/types.js';
import type { Article } from '../knowledge/types.js';
import { normalize } from '../text/normalize.js';
import { searchWords } from '../text/segment.js';

/** What a question about the article itself asks for. */
export type ArticleFact = 'author' | 'source' | 'title' | 'date' | 'url';

// On normalized text: Simplified, Cantonese question words already Mandarin (边个 → 谁, 几时 → 什么时候).
const FACTS: Array<[ArticleFact, RegExp]> = [
  ['author', /(?<!工)作者|记者|撰稿人|写稿人|撰稿|执笔|采写|笔者|署名|(谁|边位)(写|撰写|报道|采访)|写的人|写稿/u],
  ['source', /(哪|边|什么|咩)(一)?(家|份|个|间|张)?(报纸|报社|报馆|报刊|报|媒体|刊物|杂志|网站|平台|新闻机构)|报纸|媒体|来源|出处|出自|刊登|刊发|登在|登载|(发表|发布|刊)(在|于)(哪|边)|(哪里|哪儿)来的|来自(哪|边|什么|何)|转载/u],
  // 叫什么 alone is a question about a thing (沼鹿又叫什么); about the article only when it says so.
  ['title', /标题|题目|篇名|文章名|(文章|稿子|稿|报道|报导|新闻|这篇|呢篇|本文)(的)?(名字|叫(什么|咩|乜|乜嘢)(名字|名)?|名叫|名称)/u],
  ['date', /(什么时候|何时|哪天|哪一天|哪年|哪一年|几号|几月|哪个月)(的|被)?(发表|发布|刊登|刊发|登|写|出版|见报|发|出)|日期|(发表|发布|刊发|刊登|出版|写作)(的)?(时间|日子|年份)|(发表|发布|刊登|刊发|出版)(于|在)?(何时|什么时候|哪天|哪一天)|(什么时候|何时|哪天|哪一天|哪年)的(新闻|文章|报道|报导|稿)|几时/u],
  ['url', /链接|网址|原文在(哪|边)|(哪里|哪儿|边度|哪)(能|可以)?(看|读|找|睇)(到)?(原文|全文)|原文(地址|网页)|全文|url|link|网页/u],
];
/** Words that only point at the article or fill the sentence: what may be left besides the fact asked for. */
const FILLER =
  /(这|那|呢|嗰|该|本|此)(一)?(篇|则|条|份|个|张)?|文章|稿子|稿件|稿|哪一?天|几号|哪一?年|什么时候|何时|叫什么名字|叫什么|什么人|名字|名|叫|乜|单位|机构|佢|他|她|出版|报道|报导|新闻|原文|全文|内容|作品|采写|撰写|发表|发布|刊登|刊发|登载|见报|写|登|发|出|看|读|睇|找|查|是|谁|哪(一)?(位|个)?|什么|请问|告诉我|知道|想|问|一下|的|了|过|吗|呢|呀|啊|啦|嘅|嘢|㗎|喎|系|边|份|家|篇|被|由|在|于|从|来/gu;

export interface ArticleQuestion {
  facts: ArticleFact[];
  /** The article the question names by title, if any. */
  named: Article | null;
  /** The question points at the article itself (这篇文章, 原文, 本文): never about the content. */
  explicit: boolean;
}

/** 这篇文章 / 呢篇報導 / 本文 / 原文: the article itself, not something it tells about. */
const THIS_ARTICLE = /(这|呢|该|本|此|嗰)(一)?(篇|则|份|条|个)?(文章|稿子|稿件|稿|报道|报导|新闻|文)|这篇|呢篇|原文|出处/u;

/**
 * Whether the question asks about an article itself (who wrote it, which paper ran it,
 * its title, date or link) rather than about what it says. Only when nothing else
 * is asked: 郴州日报的记者去了哪里 is a question about the content.
 */
export function detectArticleQuestion(question: string, articles: readonly Article[]): ArticleQuestion | null {
  let text = normalize(question);
  const explicit = THIS_ARTICLE.test(text);
  const facts = FACTS.filter(([, re]) => re.test(text)).map(([fact]) => fact);
  // 王路莎是谁: the byline answers who the author is.
  const byAuthor = /谁|什么人/u.test(text) ? articles.find((a) => a.author && text.includes(normalize(a.author))) : undefined;
  if (byAuthor && !facts.includes('author')) facts.push('author');
  if (facts.length === 0) return null;
  const named = articles.find((a) => text.includes(normalize(a.title))) ?? byAuthor ?? null;
  for (const a of articles) {
    for (const known of [a.title, a.subtitle, a.source, a.author]) if (known) text = text.split(normalize(known)).join(' ');
  }
  for (const [, re] of FACTS) text = text.replace(new RegExp(re.source, 'gu'), ' ');
  const rest = searchWords(text.replace(/[《》「」“”"']/gu, ' ').replace(FILLER, ' '));
  if (rest.length === 0) return { facts, named, explicit };
  // 这篇郴州的报道记者是谁: with 这篇, words of an article's title say which article is meant.
  const titled = explicit ? articles.filter((a) => rest.every((w) => normalize(a.title).includes(w))) : [];
  return titled.length > 0 ? { facts, named: named ?? (titled.length === 1 ? titled[0]! : null), explicit } : null;
}

const LABEL: Record<ArticleFact, string> = { author: '作者', source: '来源', title: '标题', date: '发表日期', url: '原文链接' };

function highlight(text: string, part: string | null): Array<[number, number]> {
  const at = part ? text.indexOf(part) : -1;
  return at >= 0 ? [[at, at + part!.length]] : [];
}

/** The fact as a quote from the article (its byline or title line), or its metadata; null when the article does not have it. */
function factResult(a: Article, fact: ArticleFact): AnswerResult | null {
  const base = { passageId: `${a.id}:${fact}`, article: a.title, paragraph: 0, source: a.source, url: a.url, score: 1 };
  const quote = (excerpt: string, section: string, mark: string | null): AnswerResult => ({ ...base, excerpt, section, highlights: highlight(excerpt, mark) });
  switch (fact) {
    case 'author':
      if (a.byline && a.author) return quote(a.byline, '署名', a.author);
      return a.author ? quote(`${LABEL.author}：${a.author}`, '署名', a.author) : null;
    case 'source':
      if (a.byline && a.source) return quote(a.byline, '署名', a.source);
      return a.source ? quote(`${LABEL.source}：${a.source}`, '来源', a.source) : null;
    case 'title':
      return quote(a.subtitle ? `${a.title}——${a.subtitle}` : a.title, '标题', a.title);
    case 'date':
      return a.date ? quote(`${LABEL.date}：${a.date}`, '发表信息', a.date) : null;
    case 'url':
      return a.url ? quote(a.url, '原文链接', a.url) : null;
  }
}

/** Most articles listed when a question about "the article" could mean any of them. */
const MAX_LISTED = 5;

/**
 * Answers a question about articles themselves from their metadata and byline.
 * `articles` are the ones meant (one, or a short list); a fact an article does not
 * record is declined in so many words, never guessed.
 */
export function answerArticleQuestion(question: string, facts: ArticleFact[], articles: readonly Article[]): Answer {
  const results: AnswerResult[] = [];
  const missing: string[] = [];
  for (const a of articles.slice(0, MAX_LISTED)) {
    for (const fact of facts) {
      const r = factResult(a, fact);
      if (r && !results.some((x) => x.excerpt === r.excerpt && x.passageId.startsWith(a.id))) results.push(r);
      // Say what is known instead: where it was published.
      else if (!r) missing.push(`《${a.title}》没有记录${LABEL[fact]}${a.source && fact !== 'source' ? `（它刊登在${a.source}）` : ''}`);
    }
  }
  const note = missing.length > 0 ? `抱歉，${missing.join('；')}。` : undefined;
  const answered = results.length > 0;
  return settle({ question, answered, results, suggestions: answered ? [] : articles.map((a) => `《${a.title}》`), ...(note ? { note } : {}) });
}
