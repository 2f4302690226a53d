import type { Report } from './types.js';

/**
 * One CSV field. Questions are typed by strangers and these files are opened in
 * spreadsheets: a leading = + - @ would run as a formula, so such fields get a quote mark.
 */
export function csvField(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/u.test(s)) s = `'${s}`;
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

const table = (header: string[], rows: Array<Array<string | number | null | undefined>>) =>
  // The BOM makes Excel read the file as UTF-8 (Chinese otherwise shows as mojibake).
  '\ufeff' + [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';

/** The report's tables as CSV files (name → content), the same tables the text report prints. */
export function reportCsv(report: Report): Record<string, string> {
  return {
    'channels.csv': table(
      ['channel', 'asked', 'answered', 'declined', 'answered_share'],
      [...report.channels, report.total].map((c) => [c.channel, c.asked, c.answered, c.declined, c.answeredShare.toFixed(3)]),
    ),
    'unanswered.csv': table(
      ['group', 'label', 'term', 'group_asked', 'question', 'question_asked'],
      report.declined.flatMap((g, i) => g.questions.map((q) => [i + 1, g.label, g.term, g.asked, q.question, q.asked])),
    ),
    'disliked.csv': table(
      ['question', 'passage_id', 'down', 'up', 'article', 'section', 'paragraph'],
      report.disliked.map((d) => [d.question, d.passageId, d.down, d.up, d.article, d.section, d.paragraph]),
    ),
    'articles.csv': table(['article', 'answers', 'passages'], report.articles.map((a) => [a.article, a.answers, a.passages])),
  };
}
