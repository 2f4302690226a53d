import { createRequire } from 'node:module';
import path from 'node:path';
import { isByline, isInfoLine, isSignOff, parseByline } from '../byline.js';
import { KnowledgeError } from '../../shared/errors.js';
import type { ParsedArticle } from '../parsed.js';
import { endsSentence } from '../../text/sentences.js';
import { isCaptionText, titleParts } from './blocks.js';
import { dropRunningLines, pageLines, type Line, type TextItemLike } from './pdf-lines.js';
import { SkippedFile } from './skipped.js';

/** pdf.js needs its CMaps (Chinese fonts' character maps) and standard font data, both shipped in the package. */
const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const MAX_PAGES = 500;
/** A heading is set this much larger than the body text. */
const HEADING_RATIO = 1.15;
const MAX_HEADING_CHARS = 30;

/** Metadata titles that name a file or a program, not the article. */
const JUNK_TITLE = /^(untitled|无标题|microsoft word|document\d*$|.*\.(docx?|pdf|html?|txt)$)/iu;

/** Lines that start the furniture under an article printed from a web page. */
const PAGE_TAIL = /^(标签|標籤|关键词|關鍵詞|热门|熱門|相关新闻|相關新聞|相关阅读|相關閱讀|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|读者留言|讀者留言|网友评论|網友評論|发表评论|發表評論|分享到|版权所有|版權所有|Copyright|©)/iu;

const mostCommon = (values: number[]) => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(Math.round(v * 2) / 2, (counts.get(Math.round(v * 2) / 2) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
};

const joinText = (a: string, b: string) => (/[A-Za-z0-9,.;:!?]$/u.test(a) && /^[A-Za-z0-9]/u.test(b) ? `${a} ${b}` : a + b);

/** Joins lines into paragraphs: a paragraph ends at a short line after a sentence end, a wider gap, or an indented next line. */
function paragraphsOf(lines: Line[], body: number, title: string | null, meta: Omit<ParsedArticle, 'title'> & { title: string | null }): void {
  const left = Math.min(...lines.filter((l) => Math.abs(l.size - body) < 0.6).map((l) => l.x0));
  const right = Math.max(...lines.filter((l) => Math.abs(l.size - body) < 0.6).map((l) => l.x1));
  const gaps = lines.slice(1).map((l, i) => (l.page === lines[i]!.page ? lines[i]!.y - l.y : 0)).filter((g) => g > 0);
  const spacing = gaps.length ? gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)]! : body * 1.5;
  let section: string | null = null;
  let open: { section: string | null; text: string; page: number } | null = null;
  let prev: Line | null = null;
  for (const line of lines) {
    const text = line.text;
    if (line.size > body * HEADING_RATIO && [...text].length <= MAX_HEADING_CHARS && !endsSentence(text)) {
      open = null;
      prev = line;
      if (text !== title && meta.paragraphs.length + (section ? 1 : 0) > 0) section = text;
      else if (text !== title && !meta.title) meta.title = text;
      else if (text !== title) section = text;
      continue;
    }
    if (meta.paragraphs.length === 0 && !open && (isByline(text) || isInfoLine(text))) {
      const b = parseByline(text);
      meta.source ??= b.source;
      meta.author ??= b.author;
      continue;
    }
    // A printed web page's furniture: a share bar before the article is dropped; tags, lists, comments, copyright after it end it.
    if (PAGE_TAIL.test(text)) {
      if (meta.paragraphs.length > 0) break;
      continue;
    }
    if (isSignOff(text) || isCaptionText(text) || text === meta.author) continue;
    if (/^\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}日?$/u.test(text)) {
      meta.date ??= text;
      continue;
    }
    const continues =
      open &&
      prev &&
      !(endsSentence(prev.text) && prev.x1 < right - 1.5 * body) &&
      !(line.page === prev.page && prev.y - line.y > spacing * 1.4) &&
      !(line.x0 > left + 0.8 * body);
    if (continues && open) open.text = joinText(open.text, text);
    else {
      open = { section, text, page: line.page };
      meta.paragraphs.push(open);
    }
    prev = line;
  }
}

/**
 * Parses a text PDF (printed from a browser, exported from a word processor): lines
 * joined into paragraphs without spaces between Chinese characters, running headers,
 * footers and page numbers dropped, each paragraph knowing its page. A PDF with no
 * text layer (a scan) is skipped with that reason.
 */
export async function parsePdf(file: string, bytes: Uint8Array): Promise<ParsedArticle> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      cMapUrl: `${pdfjsDir}/cmaps/`,
      cMapPacked: true,
      standardFontDataUrl: `${pdfjsDir}/standard_fonts/`,
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (err) {
    const why = (err as Error).name === 'PasswordException' ? '有密码保护：请去掉密码后再放进来' : (err as Error).message;
    throw new KnowledgeError(file, `无法打开这个 PDF（${why}）`);
  }
  try {
    if (doc.numPages > MAX_PAGES) throw new KnowledgeError(file, `这个 PDF 有 ${doc.numPages} 页，最多只读 ${MAX_PAGES} 页：请拆成几个文件`);
    const pages: Line[][] = [];
    const heights: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      heights.push(page.getViewport({ scale: 1 }).height);
      const content = await page.getTextContent();
      pages.push(pageLines(content.items.filter((i): i is TextItemLike & (typeof content.items)[number] => 'str' in i), n));
      page.cleanup();
    }
    if (pages.every((p) => p.length === 0)) throw new SkippedFile(file, '扫描版 PDF，没有文字层，没有可检索的内容（请先做 OCR 文字识别，或改放原始文档）');
    const lines = dropRunningLines(pages, heights).flat();
    const info = ((await doc.getMetadata().catch(() => null))?.info ?? {}) as { Title?: string; Author?: string };
    // A page printed from a browser has the page's <title>, site name included: keep its first part.
    const metaTitle = info.Title?.trim() && !JUNK_TITLE.test(info.Title.trim()) ? (titleParts(info.Title.trim())[0] ?? null) : null;
    const body = mostCommon(lines.flatMap((l) => Array<number>([...l.text].length).fill(l.size)));
    const meta: Omit<ParsedArticle, 'title'> & { title: string | null } = { title: metaTitle, subtitle: null, source: null, author: info.Author?.trim() || null, date: null, url: null, paragraphs: [] };
    // Lines above the title on its page (a printed site's logo and navigation) are not the article.
    const titleAt = metaTitle ? lines.findIndex((l) => l.page === 1 && l.text === metaTitle) : -1;
    paragraphsOf(titleAt > 0 ? lines.slice(titleAt) : lines, body, metaTitle, meta);
    meta.title ??= path.basename(file, path.extname(file));
    if (meta.paragraphs.length === 0) throw new KnowledgeError(file, '这个 PDF 里没有找到段落', 1);
    return { ...meta, title: meta.title };
  } finally {
    await doc.destroy();
  }
}
