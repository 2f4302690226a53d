import { place } from '../answer/cite.js';
import { KEPT_PREVIOUS, type FileReport } from '../knowledge/accounting.js';
import type { DislikedAnswer, Report } from './types.js';

const CHANNEL_NAMES: Record<string, string> = { telegram: 'Telegram', web: '网页', cli: '命令行', all: '合计' };
const percent = (share: number) => `${Math.round(share * 100)}%`;
const day = (iso: string) => iso.slice(0, 10);

/** Where a passage is, for people: 《文章》· 小节 · 第12段, or the id alone when the knowledge no longer has it. */
export function placeOf(row: DislikedAnswer): string {
  if (!row.article) return `段落 ${row.passageId}（知识库中已没有这段）`;
  return place({ article: row.article, section: row.section ?? null, paragraph: row.paragraph ?? 0 });
}

/** Knowledge files that were skipped or failed, each with why (the reasons are the loader's). */
export function filesText(files: FileReport[]): string[] {
  const out = ['■ 知识库里跳过或出错的文件'];
  if (files.length === 0) out.push('  没有：每个文件都已读入。');
  for (const f of files) {
    const where = `${f.file}${f.line ? `:${f.line}` : ''}`;
    const kept = f.keptPrevious ? KEPT_PREVIOUS : '';
    out.push(`  ${f.status === 'skipped' ? '跳过' : '出错'}  ${where}：${f.reason ?? ''}${kept}`);
  }
  return out;
}

/** The report as plain text for a terminal (Chinese, like every manager-facing text). */
export function formatReportText(report: Report): string {
  const out: string[] = [`出处 · 记录报告  ${day(report.since)} 至 ${day(report.until)}`, ''];

  out.push('■ 提问与回答（按渠道）');
  if (report.total.asked === 0) out.push('  这段时间没有人提问。');
  for (const c of [...report.channels, report.total]) {
    if (c.channel === 'all' && report.channels.length < 2 && report.total.asked > 0) continue;
    out.push(`  ${CHANNEL_NAMES[c.channel] ?? c.channel}：提问 ${c.asked}，回答 ${c.answered}，未回答 ${c.declined}（回答率 ${percent(c.answeredShare)}）`);
  }

  out.push('', '■ 没有回答的问题（按共同关键词分组）');
  if (report.declined.length === 0) out.push('  没有。');
  report.declined.forEach((g, i) => {
    out.push(`  ${i + 1}. ${g.label}  ${g.asked} 次${g.questions.length > 1 ? `，${g.questions.length} 种问法` : ''}`);
    for (const q of g.questions.slice(0, 5)) out.push(`     · ${q.question}${q.asked > 1 ? ` ×${q.asked}` : ''}`);
    if (g.questions.length > 5) out.push(`     · ……还有 ${g.questions.length - 5} 种问法`);
  });

  out.push('', '■ 👎 最多的回答');
  if (report.disliked.length === 0) out.push('  没有。');
  report.disliked.forEach((d, i) => {
    out.push(`  ${i + 1}. 👎 ${d.down}  👍 ${d.up}  问：${d.question}`);
    out.push(`     出处：${placeOf(d)}  [${d.passageId}]`);
  });

  out.push('', '■ 引用最多的文章');
  if (report.articles.length === 0) out.push('  没有。');
  report.articles.forEach((a, i) => out.push(`  ${i + 1}. 《${a.article}》  回答 ${a.answers} 次，用到 ${a.passages} 个段落`));
  if (report.files) out.push('', ...filesText(report.files));
  return out.join('\n');
}
