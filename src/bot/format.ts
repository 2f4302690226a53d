import { citationParts, place, safeUrl } from '../answer/cite.js';
import { markedPieces } from '../answer/marks.js';
import type { Answer, AnswerResult, FaqAnswer } from '../answer/types.js';

/**
 * Pure HTML formatting for Telegram's `parse_mode: 'HTML'`.
 * Every string that comes from an article or a user goes through `escapeHtml`
 * (or `escapeAttr` inside an attribute), so no knowledge file or question can
 * inject tags or break a message.
 */

/** Escapes text for Telegram HTML: `&`, `<`, `>` (the three Telegram requires). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escapes a value for a double-quoted HTML attribute. */
export function escapeAttr(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

/**
 * The excerpt, escaped: the question's words (`highlights`) in `<b>`, and the span
 * that most likely answers (`answer`) in `<b><u>`, bold and underlined so it stands
 * apart from them. Bad ranges are skipped, never trusted.
 */
export function highlightExcerpt(
  excerpt: string,
  highlights: ReadonlyArray<readonly [number, number]>,
  answer?: readonly [number, number] | null,
): string {
  const wrap = { term: ['<b>', '</b>'], answer: ['<b><u>', '</u></b>'] } as const;
  return markedPieces(excerpt, highlights, answer)
    .map(({ text, mark }) => (mark ? `${wrap[mark][0]}${escapeHtml(text)}${wrap[mark][1]}` : escapeHtml(text)))
    .join('');
}

/** `《标题》· 小节 · 第5段`, the title linked when the article has an http(s) url. */
export function formatCitation(result: Pick<AnswerResult, 'article' | 'section' | 'paragraph' | 'page' | 'url'>): string {
  const { title, where } = citationParts(result);
  const url = safeUrl(result.url);
  const linked = url ? `<a href="${escapeAttr(url)}">${escapeHtml(title)}</a>` : escapeHtml(title);
  return `——${linked}· ${escapeHtml(where)}`;
}

/** One result: the excerpt as a quote, then its citation line. */
export function formatResult(result: AnswerResult): string {
  return `<blockquote>${highlightExcerpt(result.excerpt, result.highlights, result.answer)}</blockquote>\n${formatCitation(result)}`;
}

export interface AnswerFormatOptions {
  /** True for the follow-up pages of the 更多 button. */
  continued?: boolean;
  /** A curated answer, shown before the excerpts. */
  faq?: FaqAnswer;
  /** A follow-up completed from the conversation: what was answered. */
  understoodAs?: string;
}

/**
 * A curated answer: labelled 常见问题 so nobody takes it for a quote, then the
 * manager's text and its source (linked when it has an http(s) url).
 */
export function formatFaq(faq: FaqAnswer): string {
  const url = safeUrl(faq.url);
  const source = faq.source ? escapeHtml(faq.source) : url ? '原文' : null;
  const cite = source ? `\n——${url ? `<a href="${escapeAttr(url)}">${source}</a>` : source}` : '';
  return `📌 <b>常见问题</b>：${escapeHtml(faq.question)}\n${escapeHtml(faq.answer)}${cite}`;
}

/** A full reply for an answered question: the question, the FAQ answer if any, then each result. */
export function formatAnswer(question: string, results: AnswerResult[], options: AnswerFormatOptions = {}): string {
  const understood = options.understoodAs ? `\n↪ 按上文理解为：${escapeHtml(options.understoodAs)}` : '';
  const head = `❓ ${escapeHtml(question)}${options.continued ? '（续）' : ''}${understood}`;
  const faq = options.faq ? [formatFaq(options.faq)] : [];
  const excerpts = results.length > 0 && faq.length > 0 ? ['<b>原文摘录</b>', ...results.map(formatResult)] : results.map(formatResult);
  return [head, ...faq, ...excerpts].join('\n\n');
}

/**
 * The reply when the knowledge base has no answer: say so plainly, then what it does cover
 * (`suggestions`, falling back to the article titles) and a few questions it can answer.
 */
export function formatDeclined(answer: Pick<Answer, 'question' | 'suggestions' | 'didYouMean' | 'note'>, fallbackTitles: string[], examples: string[] = []): string {
  // Suggestions may come as bare titles, as 《titles》, or as related questions: only bare titles get 《》.
  const covered = answer.suggestions.length > 0 ? answer.suggestions : fallbackTitles;
  const show = (t: string) => escapeHtml(fallbackTitles.includes(t) ? `《${t}》` : t);
  const lines = [answer.note ? escapeHtml(answer.note) : `抱歉，知识库里没有找到“${escapeHtml(answer.question)}”的答案。`];
  // The choices themselves are buttons under the message (see keyboard.ts).
  if (answer.didYouMean?.length) lines.push('', '你是不是想问下面的问题？点一下就能问。');
  if (covered.length > 0) {
    lines.push('', '我目前能回答这些文章里的内容：', ...covered.map((t) => `• ${show(t)}`));
  }
  if (examples.length > 0) {
    lines.push('', '可以试试这样问：', ...examples.map((q) => `• ${escapeHtml(q)}`));
  }
  return lines.join('\n');
}

/** Plain-text citation for places without HTML (inline result titles and descriptions). */
export const plainCitation = place;
