import { Composer, type Context } from 'grammy';
import type { Engine } from '../../engine/types.js';
import type { ReloadResult } from '../../engine/engine.js';
import { parseSince, PeriodError } from '../../report/since.js';
import type { Report } from '../../report/types.js';
import { place } from '../../answer/cite.js';
import { EngineNotReadyError } from '../../shared/errors.js';
import { KEPT_PREVIOUS } from '../../knowledge/accounting.js';
import { escapeHtml } from '../format.js';
import { replyHtml } from '../reply.js';
import { TEXT } from '../texts.js';
import type { BotServices } from '../types.js';

/** Groups shown by /unanswered. */
const UNANSWERED_TOP = 10;
const CHANNEL_NAMES: Record<string, string> = { telegram: 'Telegram', web: '网页', cli: '命令行' };
const percent = (share: number) => `${Math.round(share * 100)}%`;
/** Files listed in a /reload or /stats reply; the rest are counted (the log has them all). */
const RELOAD_LIST_MAX = 15;

/** /stats: counts by channel, the top 👎 and articles, and the index. */
export function statsHtml(period: string, report: Report | null, stats: ReturnType<Engine['stats']>): string {
  const lines: string[] = [];
  if (report) {
    const t = report.total;
    lines.push(`<b>最近 ${escapeHtml(period)} 的记录</b>`, `提问 ${t.asked} · 回答 ${t.answered} · 未回答 ${t.declined}（回答率 ${percent(t.answeredShare)}）`);
    for (const c of report.channels) lines.push(`• ${CHANNEL_NAMES[c.channel] ?? c.channel}：提问 ${c.asked}，回答 ${c.answered}`);
    if (report.disliked.length) lines.push('', '<b>👎 最多的回答</b>');
    for (const d of report.disliked.slice(0, 3)) {
      const where = d.article ? escapeHtml(place({ article: d.article, section: d.section ?? null, paragraph: d.paragraph ?? 0 })) : `段落 ${escapeHtml(d.passageId)}（已不在知识库中）`;
      lines.push(`• 👎${d.down} 👍${d.up} “${escapeHtml(d.question)}” → ${where}`);
    }
    if (report.articles.length) lines.push('', '<b>引用最多的文章</b>');
    for (const a of report.articles.slice(0, 3)) lines.push(`• 《${escapeHtml(a.article)}》回答 ${a.answers} 次`);
    lines.push('', '没有回答的问题：/unanswered', '');
  } else {
    lines.push('（没有记录可查）', '');
  }
  lines.push('<b>知识库</b>', `文章：${stats.articles} · 段落：${stats.passages}`, `索引时间：${escapeHtml(stats.indexBuiltAt)}`);
  const problems = report?.files ?? [];
  if (problems.length) {
    lines.push(`跳过或出错的文件 ${problems.length} 个：`);
    for (const f of problems.slice(0, RELOAD_LIST_MAX)) lines.push(`• ${f.status === 'skipped' ? '跳过' : '出错'} <code>${escapeHtml(f.file)}${f.line ? `:${f.line}` : ''}</code> ${escapeHtml(f.reason ?? '')}`);
  }
  return lines.join('\n');
}

/** /unanswered: the declined questions grouped by shared key terms, most asked first. */
export function unansweredHtml(period: string, report: Report): string {
  const groups = report.declined.slice(0, UNANSWERED_TOP);
  if (groups.length === 0) return `最近 ${escapeHtml(period)} 没有未回答的问题。`;
  const lines = [`<b>最近 ${escapeHtml(period)} 没有回答的问题</b>（按共同关键词分组，前 ${groups.length} 组）`];
  groups.forEach((g, i) => {
    const phrasings = g.questions.slice(0, 3).map((q) => `${escapeHtml(q.question)}${q.asked > 1 ? ` ×${q.asked}` : ''}`);
    if (g.questions.length > 3) phrasings.push(`……共 ${g.questions.length} 种问法`);
    lines.push('', `${i + 1}. <b>${escapeHtml(g.label)}</b> · ${g.asked} 次`, `   ${phrasings.join('；')}`);
  });
  lines.push('', '在 knowledge/faq.md 里加一条常见问题，或补充文章，然后 /reload。');
  return lines.join('\n');
}

const listed = (lines: string[]) =>
  lines.length > RELOAD_LIST_MAX ? [...lines.slice(0, RELOAD_LIST_MAX), `……还有 ${lines.length - RELOAD_LIST_MAX} 个`] : lines;

/** /reload: the counts, each failed file with its line (and whether its last good version still serves), each skipped file with why. */
export function reloadHtml(result: ReloadResult): string {
  const { articles, passages } = result.stats;
  const errorLines = listed(
    result.errors.map((e) => {
      const kept = result.files.find((f) => f.file === e.file)?.keptPrevious ? KEPT_PREVIOUS : '';
      return `• <code>${escapeHtml(e.file)}${e.line ? `:${e.line}` : ''}</code> ${escapeHtml(e.reason)}${kept}`;
    }),
  );
  if (!result.applied) return [`⚠️ 重新加载失败，仍在使用原来的知识库（文章 ${articles} 篇，段落 ${passages} 个）。请修改：`, ...errorLines].join('\n');
  const skippedLines = listed(result.files.filter((f) => f.status === 'skipped').map((f) => `• <code>${escapeHtml(f.file)}</code> ${escapeHtml(f.reason ?? '')}`));
  const loadedFiles = result.files.filter((f) => f.status === 'loaded').length;
  const lines = [`${result.ok ? '✅' : '⚠️'} 知识库已重新加载：文章 ${articles} 篇，段落 ${passages} 个，读入文件 ${loadedFiles} 个。`];
  if (errorLines.length) lines.push('', `<b>出错的文件</b>（其余改动已生效）。请修改：`, ...errorLines);
  if (skippedLines.length) lines.push('', '<b>跳过的文件</b>：', ...skippedLines);
  return lines.join('\n');
}

/**
 * Manager commands, for ADMIN_IDS in private chats only: a report quotes what other people
 * asked, which must not land in a group. Anyone else falls through to the normal handling,
 * so they get exactly the unknown-command answer: nothing tells them these commands exist.
 */
export function createAdmin(s: BotServices): Composer<Context> {
  const c = new Composer<Context>();
  const admin = c.chatType('private').filter((ctx) => ctx.from !== undefined && s.adminIds.has(ctx.from.id));

  /** The period after the command (default 7d), or null after telling the manager what to write. */
  const periodOf = async (ctx: Context & { match: string }): Promise<{ label: string; since: Date } | null> => {
    const label = ctx.match.trim() || '7d';
    try {
      return { label, since: parseSince(label) };
    } catch (err) {
      if (!(err instanceof PeriodError)) throw err;
      await replyHtml(ctx, escapeHtml(err.message));
      return null;
    }
  };

  admin.command('stats', async (ctx) => {
    const period = await periodOf(ctx);
    if (!period) return;
    const report = s.reports ? await s.reports.report({ since: period.since }) : null;
    await replyHtml(ctx, statsHtml(period.label, report, s.engine.stats()));
  });

  admin.command('unanswered', async (ctx) => {
    if (!s.reports) return void (await replyHtml(ctx, '没有记录可查：记录没有启用。'));
    const period = await periodOf(ctx);
    if (!period) return;
    await replyHtml(ctx, unansweredHtml(period.label, await s.reports.report({ since: period.since, limit: UNANSWERED_TOP })));
  });

  admin.command('reload', async (ctx) => {
    let result: ReloadResult;
    try {
      result = await s.engine.reload();
    } catch (err) {
      if (!(err instanceof EngineNotReadyError)) throw err;
      return void (await replyHtml(ctx, TEXT.loading));
    }
    s.logger.info({ ok: result.ok, errors: result.errors.length, ...result.stats }, 'bot: knowledge reloaded by an admin');
    await replyHtml(ctx, reloadHtml(result));
  });

  return c;
}
