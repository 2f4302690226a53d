import { normalize } from '../../text/normalize.js';

/**
 * Site furniture on Chinese news pages, removed before the article is extracted:
 * readability's scoring counts characters, and a sidebar of Chinese headlines
 * (热门新闻) or a long comment thread can outscore a short article.
 */

/** Elements that are never article text. */
const NEVER = 'script, style, noscript, template, iframe, object, embed, svg, canvas, form, button, input, select, textarea, nav, aside, footer, header, [role="navigation"], [role="complementary"], [role="contentinfo"], [role="banner"], [aria-hidden="true"], [hidden], .hidden';

/** class/id words of furniture (matched as whole words between - _ and spaces). */
const FURNITURE_WORDS =
  'nav|navbar|menu|topbar|top-bar|header|footer|foot|sidebar|side|aside|rightbar|right-side|left-side|hot|hotnews|hot-news|rank|ranking|top10|recommend|recommends|related|relate|relnews|comment|comments|reply|replies|discuss|share|sharebar|share-bar|social|bdshare|jiathis|ad|ads|advert|advertisement|banner|gg|sponsor|promo|breadcrumb|crumb|crumbs|copyright|login|toolbar|tags|tag|pager|pagination|search|qrcode|weixin|wechat|app-download|subscribe|friend-links|links';
const FURNITURE = new RegExp(`(^|[\\s_-])(${FURNITURE_WORDS})($|[\\s_-]|\\d)`, 'iu');
/** Article containers whose names contain a furniture word (article-header, content-side…) are kept when they hold the body. */
const KEEP = /(^|[\s_-])(article|content|main|post|story|body|text|detail)($|[\s_-])/iu;

/** Headings that open a furniture block: the block that holds them goes. */
/** Matched on the heading normalized to Simplified (熱門點閱 → 热门点阅). */
const FURNITURE_HEADING = /^(热门|热点|热读|热搜|人气|排行|点击排行|阅读排行|推荐|精彩推荐|编辑推荐|为你推荐|相关|延伸阅读|猜你喜欢|你可能也喜欢|大家都在看|看更多|更多|最新|即时|最热|评论|最新评论|网友评论|读者留言|留言|热评|友情链接|图片新闻|图集|专题|往期回顾|今日关注|视频|24小时|分享|订阅|关注我们|下载)/u;
const MAX_HEADING_CHARS = 12;

const textLength = (el: Element) => (el.textContent ?? '').replace(/\s+/gu, '').length;

/**
 * Every element's text length and the part of it inside links, in one pass from the
 * leaves up (asking each element's textContent would be quadratic on deep pages).
 */
function measureText(doc: Document): Map<Element, { text: number; linked: number }> {
  const sizes = new Map<Element, { text: number; linked: number }>();
  const order: Element[] = [];
  const stack: Element[] = doc.documentElement ? [doc.documentElement] : [];
  while (stack.length) {
    const el = stack.pop()!;
    order.push(el);
    stack.push(...el.children);
  }
  for (const el of order.reverse()) {
    let text = 0;
    let linked = 0;
    for (const node of el.childNodes) {
      if (node.nodeType === 3) text += (node.textContent ?? '').replace(/\s+/gu, '').length;
      const child = node.nodeType === 1 ? sizes.get(node as Element) : undefined;
      if (child) (text += child.text), (linked += child.linked);
    }
    sizes.set(el, { text, linked: el.tagName === 'A' ? text : linked });
  }
  return sizes;
}

/** The element holding most of the page's paragraph text: it is never furniture. */
function bodyHolder(doc: Document): Element | null {
  const byParent = new Map<Element, number>();
  for (const p of doc.querySelectorAll('p')) {
    const parent = p.parentElement;
    if (parent) byParent.set(parent, (byParent.get(parent) ?? 0) + textLength(p));
  }
  return [...byParent.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function remove(el: Element, body: Element | null): void {
  // Never drop the body text, nor anything that contains it.
  if (body && (el === body || el.contains(body))) return;
  el.remove();
}

/** Removes navigation, sidebars, comments, share bars, ads, footers, captions, scripts and styles, in place. */
export function removeFurniture(doc: Document): void {
  let body = bodyHolder(doc);
  for (const el of [...doc.querySelectorAll(NEVER)]) remove(el, body);
  body = bodyHolder(doc);
  for (const el of [...doc.querySelectorAll('[class], [id]')]) {
    if (!el.isConnected) continue;
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (FURNITURE.test(names) && !(KEEP.test(names) && body && el.contains(body))) remove(el, body);
  }
  let sizes = measureText(doc);
  for (const h of [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6, .title, dt, strong, span, div')]) {
    if (!h.isConnected || h.children.length > 1 || (sizes.get(h)?.text ?? 0) > MAX_HEADING_CHARS) continue;
    const text = (h.textContent ?? '').trim();
    if (text.length === 0 || text.length > MAX_HEADING_CHARS || !FURNITURE_HEADING.test(normalize(text))) continue;
    // The heading's block: its parent, unless that is the whole page.
    const block = h.parentElement;
    if (block && block.tagName !== 'BODY' && block.tagName !== 'HTML') remove(block, body);
  }
  // Lists of headlines: blocks that are nearly all links, outside the body text.
  sizes = measureText(doc);
  for (const el of [...doc.querySelectorAll('ul, ol, div, section, table')]) {
    const size = sizes.get(el);
    if (el.isConnected && size && size.text > 0 && size.linked / size.text > 0.6) remove(el, body);
  }
  for (const el of [...doc.querySelectorAll('figcaption, figure')]) remove(el, body);
}
