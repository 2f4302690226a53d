import type { Article } from '../knowledge/types.js';
import { safeUrl } from '../answer/cite.js';
import { escapeAttr, escapeHtml } from './format.js';

/** User-facing strings (Chinese). Builders escape every piece of article text. */
export const TEXT = {
  rateLimited: '你问得有点快啦 🙂 请稍等一分钟再问。',
  nonText: '我只能读懂文字哦。请用文字发一个关于文章内容的问题，比如“郴州为什么要对接大湾区？”',
  apology: '抱歉，处理这条消息时出了点问题，请稍后再试。',
  loading: '知识库还在加载，请稍后再试。',
  unknownCommand: '我不认识这个命令。发送 /help 看看我能做什么。',
  askUsage: '请在命令后面写上问题，例如：/ask 郴州为什么要对接大湾区？',
  emptyMention: '请在 @我 的后面写上你的问题。',
  expired: '这条回答已经过期了，请重新提问。',
  noMore: '没有更多结果了。',
  moreAlreadySent: '下一页已经发过了，在上面。',
  thanksUp: '谢谢反馈！👍',
  thanksDown: '谢谢反馈，我们会改进。',
  alreadyVoted: '你已经反馈过了，谢谢！',
  inlineStart: '在私聊中向我提问',
  inlineNoAnswer: '知识库里没有答案 · 看看我知道什么',
} as const;

const titleList = (articles: Article[]) => articles.map((a) => `• 《${escapeHtml(a.title)}》`).join('\n');

/** /start: who I am, what I know, and example questions. */
export function startText(articles: Article[], examples: string[], inGroup: boolean): string {
  const lines = [
    '你好！我是<b>出处</b>，专门回答关于几篇中文文章的问题，每个回答都附上原文摘录和出处（文章、小节、段落）。',
    '',
    '我读过这些文章：',
    titleList(articles) || '（知识库暂时是空的）',
  ];
  if (examples.length > 0) {
    lines.push('', inGroup ? '可以这样问（在群里请用 /ask 或 @我）：' : '点下面的按钮，或者直接发问题，例如：');
    lines.push(...examples.map((q) => `• ${escapeHtml(q)}`));
  }
  return lines.join('\n');
}

/** /help: how to ask in each kind of chat. */
export function helpText(username: string): string {
  const name = escapeHtml(username);
  return [
    '<b>怎么用</b>',
    '• 私聊：直接发文字问题。',
    `• 群聊：<code>/ask 问题</code>，或 @${name} 加问题，或回复我的消息。`,
    `• 任意聊天：输入 <code>@${name} 问题</code>，从弹出的结果中选一条发送。`,
    '• 回答下面的 👍 / 👎 帮我改进，“更多”显示其余出处。',
    '',
    '/sources 查看知识库里的文章和出处。',
  ].join('\n');
}

/** /sources: each article with its source and date, the title linked when it has a url. */
export function sourcesText(articles: Article[]): string {
  if (articles.length === 0) return '知识库暂时是空的。';
  const rows = articles.map((a) => {
    const url = safeUrl(a.url);
    const title = `《${escapeHtml(a.title)}》`;
    const meta = [a.source, a.author, a.date].filter((x): x is string => Boolean(x)).map(escapeHtml).join(' · ');
    return `• ${url ? `<a href="${escapeAttr(url)}">${title}</a>` : title}${meta ? `\n  ${meta}` : ''}`;
  });
  return [`知识库里共有 ${articles.length} 篇文章：`, ...rows].join('\n');
}
