import { isByline, isInfoLine, isSignOff, leadByline, parseByline } from '../byline.js';
import type { ParsedArticle } from '../parsed.js';

/** A CJK character or full-width punctuation: no space belongs next to it. */
const WIDE = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201d\\u2026\\u2014]';
const SPACE_NEAR_WIDE = new RegExp(`(?<=${WIDE})\\s+|\\s+(?=${WIDE})`, 'gu');

/** Collapses white space (HTML source line breaks, ideographic indents) and drops it next to CJK. */
export function tidy(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/gu, ' ').trim().replace(SPACE_NEAR_WIDE, '');
}

/** `<title>` and og:title add the site and channel: `桂阳油茶…_经济_南岭晨报网`, `新桥通车 | 南方新闻网`. */
export const titleParts = (title: string) => title.split(/\s+[-–—]{1,2}\s+|\s*[_|｜]\s*/u).filter(Boolean);

/** Photo captions: in the shape 图为… / （图…）/ ▲…, or ending in the photographer's credit （记者 X 摄）. */
export function isCaptionText(text: string): boolean {
  if ([...text].length <= 120 && /[（(][^（()）]{0,20}(摄|攝|供图|供圖)[）)]$/u.test(text)) return true;
  if (/^(图为|图：|图:|▲|△|\(图|（图|上图|下图|左图|右图)/u.test(text) && [...text].length <= 80) return true;
  return /^[（(]\s*(摄影|摄|图片|资料图|图)[^）)]*[）)]$/u.test(text);
}

const HEADING = /^H[1-6]$/u;
const BLOCK = new Set(['P', 'LI', 'BLOCKQUOTE', 'PRE', 'DD', 'DT', 'TD', 'TH', 'FIGCAPTION']);
const CAPTION_CLASS = /(^|[\s_-])(caption|pic-?info|img-?desc|photo-?desc|figcaption|img_?title|pictext|image-?note)($|[\s_-])/iu;

export interface BlockMeta extends Pick<ParsedArticle, 'subtitle' | 'source' | 'author' | 'date' | 'url'> {
  title: string | null;
}

interface Walk {
  meta: BlockMeta;
  section: string | null;
  paragraphs: ParsedArticle['paragraphs'];
}

function addText(w: Walk, raw: string): void {
  for (const line of raw.split(/\n+/u)) {
    let text = tidy(line);
    if (!text || !/[\p{L}\p{N}]/u.test(text)) continue;
    if (w.paragraphs.length === 0 && !isByline(text) && isInfoLine(text)) {
      const b = parseByline(text.replace(/^.*?(?=(全媒体|特约|本报)?(记者|記者))/u, ''));
      w.meta.author ??= b.author;
      continue;
    }
    if (isByline(text) && w.paragraphs.length === 0) {
      const b = parseByline(text);
      w.meta.source ??= b.source;
      w.meta.author ??= b.author;
      continue;
    }
    if (isSignOff(text) || isCaptionText(text) || text === w.meta.title) continue;
    const lead = w.paragraphs.length === 0 ? leadByline(text) : null;
    if (lead) {
      w.meta.author ??= lead.byline.author;
      text = lead.rest;
    }
    if (text) w.paragraphs.push({ section: w.section, text });
  }
}

/** `<p><strong>种得好</strong></p>`: a short bold line alone is how many CMSs set a section heading. */
function isBoldHeading(p: Element): boolean {
  const text = tidy(p.textContent ?? '');
  const bold = p.children.length === 1 && /^(STRONG|B)$/iu.test(p.children[0]!.tagName) ? tidy(p.children[0]!.textContent ?? '') : '';
  return bold === text && text.length > 0 && [...text].length <= 20 && !/[。！？!?；;，,]$/u.test(text);
}

function textWithBreaks(el: Element): string {
  for (const br of [...el.querySelectorAll('br')]) br.replaceWith(el.ownerDocument.createTextNode('\n'));
  return el.textContent ?? '';
}

/** Elements that sit inside a line of text: their text belongs to the paragraph around them. */
const INLINE = new Set(['A', 'SPAN', 'STRONG', 'B', 'EM', 'I', 'U', 'FONT', 'SUB', 'SUP', 'SMALL', 'BIG', 'MARK', 'CODE', 'ABBR', 'CITE', 'Q', 'TIME', 'BR', 'WBR', 'S', 'DEL', 'INS']);

function element(w: Walk, child: Element): void {
  const tag = child.tagName.toUpperCase();
  if (tag === 'FIGCAPTION' || CAPTION_CLASS.test(child.getAttribute('class') ?? '')) return;
  if (HEADING.test(tag)) {
    const text = tidy(child.textContent ?? '');
    if (!text || text === w.meta.title) return;
    if (w.paragraphs.length === 0 && !w.meta.title) w.meta.title = text;
    else w.section = text;
    return;
  }
  if (tag === 'P' && isBoldHeading(child)) {
    w.section = tidy(child.textContent ?? '');
    return;
  }
  const hasBlocks = [...child.children].some((c) => !INLINE.has(c.tagName.toUpperCase()));
  if (BLOCK.has(tag) && !hasBlocks) {
    if (child.querySelector('img') && !/[。！？!?]$/u.test(tidy(child.textContent ?? ''))) return; // an image with its caption
    addText(w, textWithBreaks(child));
  } else walk(child, w);
}

/** Walks a container: block children one by one, runs of text and inline elements between them as paragraphs (`<div>text<br>text</div>`). */
function walk(el: Element, w: Walk): void {
  let run = '';
  const flush = () => {
    if (run.trim()) addText(w, run);
    run = '';
  };
  for (const node of [...el.childNodes]) {
    if (node.nodeType === 3) run += node.textContent ?? '';
    else if (node.nodeType !== 1) continue;
    else if (INLINE.has((node as Element).tagName.toUpperCase())) run += (node as Element).tagName.toUpperCase() === 'BR' ? '\n' : textWithBreaks(node as Element);
    else {
      flush();
      element(w, node as Element);
    }
  }
  flush();
}

/**
 * Turns the main content of a page (a cleaned article element, or a Word file as HTML)
 * into paragraphs: headings start sections, paragraphs and list items are paragraphs,
 * bylines, sign-off lines and photo captions are not.
 */
export function blocksToArticle(root: Element, meta: BlockMeta): { meta: BlockMeta; paragraphs: ParsedArticle['paragraphs'] } {
  const w: Walk = { meta: { ...meta }, section: null, paragraphs: [] };
  walk(root, w);
  return { meta: w.meta, paragraphs: w.paragraphs };
}
