/**
 * Splits Telegram HTML into messages of at most `limit` characters.
 *
 * Cuts prefer a paragraph break, then a line break, then a sentence end, and
 * fall back to any character. A cut never lands inside a tag or an entity
 * (they are single tokens here); tags still open at a cut are closed at the end
 * of one message and reopened at the start of the next, so each message is
 * valid HTML on its own. Lengths are measured on the raw HTML, which is never
 * shorter than the text Telegram counts, so the limit holds with margin.
 */

import { endsSentence } from '../text/sentences.js';

/** Telegram's limit for one message's text. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

interface Token {
  text: string;
  kind: 'open' | 'close' | 'char';
  /** Tag name for open/close tokens. */
  name?: string;
}

const TOKEN = /<\/?([a-z][a-z0-9-]*)\b[^>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);|[\s\S]/giu;

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  for (const m of html.matchAll(TOKEN)) {
    const text = m[0];
    if (m[1] !== undefined) tokens.push({ text, kind: text.startsWith('</') ? 'close' : 'open', name: m[1].toLowerCase() });
    else tokens.push({ text, kind: 'char' });
  }
  return tokens;
}

/** Break quality after token i: 3 paragraph, 2 line, 1 sentence, 0 anywhere. */
function breakRank(tokens: Token[], i: number): number {
  const t = tokens[i]!.text;
  if (t === '\n') return tokens[i - 1]?.text === '\n' ? 3 : 2;
  return endsSentence(t) ? 1 : 0;
}

const closing = (stack: Token[]): string => stack.map((t) => `</${t.name}>`).reverse().join('');
const isBlank = (t: Token | undefined): boolean => t !== undefined && t.kind === 'char' && /^\s$/u.test(t.text);

/** Splits `html` into parts no longer than `limit`, each with balanced tags. Short input comes back as one part. */
export function splitHtml(html: string, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  if (html.length <= limit) return [html];
  const tokens = tokenize(html);
  const parts: string[] = [];
  let openAtStart: Token[] = [];
  let start = 0;
  while (start < tokens.length) {
    while (isBlank(tokens[start])) start++;
    if (start >= tokens.length) break;
    const stack = [...openAtStart];
    let length = openAtStart.reduce((n, t) => n + t.text.length, 0);
    const best: Array<{ at: number; stack: Token[] } | undefined> = [];
    let end = start;
    for (; end < tokens.length; end++) {
      const token = tokens[end]!;
      length += token.text.length;
      if (token.kind === 'open') stack.push(token);
      else if (token.kind === 'close') stack.pop();
      if (length + closing(stack).length > limit) break;
      best[breakRank(tokens, end)] = { at: end, stack: [...stack] };
    }
    const done = end >= tokens.length;
    // A high-rank break only wins if it keeps the part at least half full; otherwise take the latest break.
    const cut = done
      ? { at: tokens.length - 1, stack }
      : (pickBreak(best, start, tokens, limit) ?? { at: start, stack: nextStack(openAtStart, tokens[start]!) });
    let last = cut.at;
    while (last > start && isBlank(tokens[last])) last--;
    const body = tokens.slice(start, last + 1).map((t) => t.text).join('');
    const part = openAtStart.map((t) => t.text).join('') + body + closing(cut.stack);
    if (visibleText(part).trim() !== '') parts.push(part);
    openAtStart = cut.stack;
    start = cut.at + 1;
  }
  return parts;
}

function pickBreak(best: Array<{ at: number; stack: Token[] } | undefined>, start: number, tokens: Token[], limit: number) {
  const used = (at: number) => tokens.slice(start, at + 1).reduce((n, t) => n + t.text.length, 0);
  for (let rank = 3; rank >= 1; rank--) {
    const b = best[rank];
    if (b && used(b.at) >= limit / 2) return b;
  }
  return [best[3], best[2], best[1], best[0]].filter((b) => b !== undefined).sort((a, b) => b.at - a.at)[0];
}

function nextStack(stack: Token[], token: Token): Token[] {
  if (token.kind === 'open') return [...stack, token];
  if (token.kind === 'close') return stack.slice(0, -1);
  return stack;
}

/** The text Telegram would show: tags dropped, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
