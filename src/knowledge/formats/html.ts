import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { KnowledgeError } from '../../shared/errors.js';
import type { ParsedArticle } from '../parsed.js';
import { blocksToArticle, tidy, titleParts, type BlockMeta } from './blocks.js';
import { removeFurniture } from './furniture.js';

/** The meta tag `npm run import` writes with the page's address. */
export const SOURCE_URL_META = 'chuchu-source-url';
/**
 * readability's default (500) counts characters, and a Chinese character says
 * as much as a few Latin ones: a 300-character news brief is a whole article.
 */
const CHAR_THRESHOLD = 150;

const meta = (doc: Document, ...keys: string[]): string | null => {
  for (const key of keys) {
    const el = doc.querySelector(`meta[name="${key}" i], meta[property="${key}" i], meta[itemprop="${key}" i]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
};

/** The line under a news headline: `来源：南岭晨报　作者：周敏　2026-10-12 09:30`, `記者林雅婷／臺南報導`. */
function infoLine(doc: Document): Pick<BlockMeta, 'source' | 'author' | 'date'> {
  const found: Pick<BlockMeta, 'source' | 'author' | 'date'> = { source: null, author: null, date: null };
  for (const el of doc.querySelectorAll('div, p, span, section')) {
    const text = tidy(el.textContent ?? '');
    if (text.length > 120 || el.querySelector('p, div')) continue;
    found.source ??= /(?:来源|來源)[:：]\s*([^\s|｜　]+?)(?=作者|记者|記者|发布|發布|时间|時間|\d|$)/u.exec(text)?.[1] ?? null;
    found.author ??= /(?:作者|记者|記者)[:：]?\s*([\p{Script=Han}·]{2,4}?)(?=[／/\s|｜　]|发布|發布|时间|時間|\d|$)/u.exec(text)?.[1] ?? null;
    const d = /(?:发布|發布|时间|時間|日期)?\D{0,3}(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})/u.exec(text);
    if (d && (found.source || found.author)) found.date ??= `${d[1]}-${d[2]!.padStart(2, '0')}-${d[3]!.padStart(2, '0')}`;
  }
  return found;
}

/**
 * The article's title: the heading that `og:title` or `<title>` contains (they often add
 * the site name: `桂阳油茶…_南岭晨报网`), else `og:title`, else `<title>` without its site part.
 * A logo `<h1>南岭晨报网</h1>` is contained in neither, so it is never taken.
 */
function pageTitle(doc: Document): string | null {
  const og = meta(doc, 'og:title', 'twitter:title');
  // Spaces kept until split: they set off the site name (`新桥通车 - 南方新闻网`).
  const docTitle = (doc.querySelector('title')?.textContent ?? '').replace(/\s+/gu, ' ').trim();
  const [first, ...site] = titleParts(og ?? docTitle).map(tidy);
  const headings = [...doc.querySelectorAll('h1, h2')].map((h) => tidy(h.textContent ?? '')).filter((t) => t.length >= 2);
  const contained = headings
    .filter((h) => ((og ?? '').includes(h) || docTitle.includes(h)) && !site.includes(h))
    .sort((a, b) => b.length - a.length);
  return headings.find((h) => h === first) ?? contained[0] ?? first ?? headings[0] ?? null;
}

function pageMeta(doc: Document): BlockMeta {
  const info = infoLine(doc);
  const title = pageTitle(doc);
  const timeEl = doc.querySelector('time[datetime]')?.getAttribute('datetime');
  const url =
    meta(doc, SOURCE_URL_META) ?? doc.querySelector('link[rel="canonical" i]')?.getAttribute('href')?.trim() ?? meta(doc, 'og:url');
  return {
    title: title ? tidy(title) : null,
    subtitle: null,
    source: info.source ?? meta(doc, 'og:site_name', 'source', 'publisher'),
    author: meta(doc, 'author', 'article:author', 'byline') ?? info.author,
    date: meta(doc, 'article:published_time', 'pubdate', 'publishdate', 'datePublished', 'date') ?? timeEl ?? info.date,
    url: url && /^https?:\/\//iu.test(url) ? url : null,
  } as BlockMeta;
}

/** Real pages nest a few dozen levels and hold a few thousand elements; far beyond that is not a page to read (and would stall the process). */
const MAX_DEPTH = 250;
const MAX_ELEMENTS = 20_000;

/** Refuses a page too deep or too big to walk in bounded time, naming the file. */
function checkShape(file: string, doc: Document): void {
  const stack: Array<[Element, number]> = doc.documentElement ? [[doc.documentElement, 1]] : [];
  let count = 0;
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) throw new KnowledgeError(file, `元素嵌套超过 ${MAX_DEPTH} 层：chuchu 读不了这个网页`);
    if (++count > MAX_ELEMENTS) throw new KnowledgeError(file, `元素超过 ${MAX_ELEMENTS} 个：chuchu 读不了这个网页（请只保存文章本身）`);
    for (const child of el.children) stack.push([child, depth + 1]);
  }
}

/** The main content element: readability's choice on the cleaned page, or the cleaned body. */
function mainContent(document: Document): Element {
  removeFurniture(document);
  const fallback = document.body ?? document.documentElement;
  try {
    const article = new Readability(document.cloneNode(true) as Document, { charThreshold: CHAR_THRESHOLD, keepClasses: true }).parse();
    if (article?.content) {
      const picked = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body;
      // readability can pick one block of a page whose paragraphs sit in several: keep the bigger.
      if ((picked.textContent ?? '').length >= 0.6 * (fallback.textContent ?? '').length) return picked;
    }
  } catch {
    // A page readability cannot handle still has its cleaned body.
  }
  return fallback;
}

/**
 * Parses a saved or imported web page into an article: title from og:title or the
 * article heading (not the site name in `<title>`), author and date from the byline
 * or `<meta>`, sections from in-article headings, paragraphs from the body; the
 * site's navigation, sidebars, comments, share bars, ads, footers and captions dropped.
 */
export function parseHtml(file: string, html: string): ParsedArticle {
  if (!/<[a-z!]/iu.test(html) || !html.trim()) throw new KnowledgeError(file, '是空文件，或者不是 HTML');
  const { document } = parseHTML(html);
  checkShape(file, document);
  const head = pageMeta(document);
  const { meta: m, paragraphs } = blocksToArticle(mainContent(document), head);
  if (!m.title) throw new KnowledgeError(file, '没有标题：网页里没有 og:title、<h1> 或 <title>');
  if (paragraphs.length === 0) throw new KnowledgeError(file, '网页上没有找到文章正文（只有导航或链接）');
  return { ...m, title: m.title, paragraphs };
}
