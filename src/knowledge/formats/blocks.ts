import { isByline, isSignOff, leadByline, parseByline } from '../byline.js';
import type { ParsedArticle } from '../parsed.js';

/** A CJK character or full-width punctuation: no space belongs next to it. */
const WIDE = '[\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201d\\u2026\\u2014]';
const SPACE_NEAR_WIDE = new RegExp(`(?<=${WIDE})\\s+|\\s+(?=${WIDE})`, 'gu');

/** Collapses white space (HTML source line breaks, ideographic indents) and drops it next to CJK. */
export function tidy(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/gu, ' ').trim().replace(SPACE_NEAR_WIDE, '');
}

/** Photo captions: short, no sentence end, or in the shape 图为… / （图…）/ ▲…. */
export function isCaptionText(text: string): boolean {
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
    if (!text || !/[\p{L}\p{N}]/u.test(text) || isSignOff(text)) continue;
    if (isByline(text) && w.paragraphs.length === 0) {
      const b = parseByline(text);
      w.meta.source ??= b.source;
      w.meta.author ??= b.author;
      continue;
    }
    if (isCaptionText(text) || text === w.meta.title) continue;
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

function walk(el: Element, w: Walk): void {
  for (const child of [...el.children]) {
    const tag = child.tagName.toUpperCase();
    if (tag === 'FIGCAPTION' || CAPTION_CLASS.test(child.getAttribute('class') ?? '')) continue;
    if (HEADING.test(tag)) {
      const text = tidy(child.textContent ?? '');
      if (!text || text === w.meta.title) continue;
      if (w.paragraphs.length === 0 && !w.meta.title) w.meta.title = text;
      else w.section = text;
      continue;
    }
    const hasBlocks = [...child.children].some((c) => BLOCK.has(c.tagName.toUpperCase()) || HEADING.test(c.tagName.toUpperCase()) || c.tagName.toUpperCase() === 'DIV');
    if (tag === 'P' && isBoldHeading(child)) {
      w.section = tidy(child.textContent ?? '');
      continue;
    }
    if (BLOCK.has(tag) && !hasBlocks) {
      if (child.querySelector('img') && !/[。！？!?]$/u.test(tidy(child.textContent ?? ''))) continue; // an image with its caption
      addText(w, textWithBreaks(child));
    } else if (child.children.length > 0) walk(child, w);
    else addText(w, child.textContent ?? '');
  }
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
