/** Checks what Telegram's HTML parse mode accepts: known tags, balanced, and no bare < > & outside them. */
const ALLOWED = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a', 'code', 'pre', 'blockquote', 'tg-emoji']);
const TOKEN = /<(\/?)([a-z][a-z0-9-]*)((?:\s+[a-z-]+="[^"<>]*")*)\s*>|&(?:#\d+|#x[0-9a-f]+|lt|gt|amp|quot);|[<>&]/giu;

/** Returns what is wrong with `html` as Telegram HTML, or null when it is well-formed. */
export function telegramHtmlProblem(html: string): string | null {
  const stack: string[] = [];
  for (const m of html.matchAll(TOKEN)) {
    if (m[2] === undefined) {
      if (m[0].length === 1) return `bare ${m[0]} at ${m.index}`;
      continue;
    }
    const name = m[2].toLowerCase();
    if (!ALLOWED.has(name)) return `unknown tag <${name}>`;
    if (m[1] === '/') {
      if (stack.pop() !== name) return `unbalanced </${name}> at ${m.index}`;
    } else stack.push(name);
  }
  return stack.length ? `unclosed <${stack.join('>, <')}>` : null;
}
