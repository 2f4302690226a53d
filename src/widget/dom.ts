/**
 * The only way the widget creates elements. Text goes in through `textContent`, never as
 * HTML, so a question or an article containing markup shows that markup as characters.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'class') node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A 24×24 outline icon from a fixed path (our constants only, never answer data). */
export function icon(path: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const p = document.createElementNS(SVG_NS, 'path');
  p.setAttribute('d', path);
  svg.append(p);
  return svg;
}

export const CHAT_ICON = 'M4 5h16v11H8l-4 4z';
export const CLOSE_ICON = 'M6 6l12 12M18 6L6 18';
// Thumbs as outline icons (after Feather, MIT): emoji need a colour-emoji font many systems lack.
export const THUMB_UP_ICON = 'M7 11l4-9a3 3 0 013 3v4h5.7a2 2 0 012 2.3l-1.4 9a2 2 0 01-2 1.7H7zM7 22H4a2 2 0 01-2-2v-7a2 2 0 012-2h3';
export const THUMB_DOWN_ICON = 'M17 13l-4 9a3 3 0 01-3-3v-4H4.3a2 2 0 01-2-2.3l1.4-9a2 2 0 012-1.7H17zM17 2h3a2 2 0 012 2v7a2 2 0 01-2 2h-3';

