/** A --since / ?since= value that cannot be read. The message is safe to show a manager. */
export class PeriodError extends Error {
  override name = 'PeriodError';
}

const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
/** Longer than any retention setting is useful; also keeps Date arithmetic sane. */
const MAX_MS = 36_500 * 86_400_000;

/**
 * Reads a period start: a span back from `now` (`24h`, `7d`, `2w`) or a date (`2026-11-01`).
 *
 * @example parseSince('7d', new Date('2026-11-26T00:00:00Z')) // 2026-11-19T00:00:00Z
 */
export function parseSince(value: string, now: Date = new Date()): Date {
  const text = value.trim().toLowerCase();
  const span = /^(\d{1,6})([hdw])$/u.exec(text);
  if (span) {
    const ms = Number(span[1]) * UNIT_MS[span[2]!]!;
    if (ms > MAX_MS) throw new PeriodError(`时间范围太长：${value}`);
    return new Date(now.getTime() - ms);
  }
  if (/^\d{4}-\d{2}-\d{2}(t[\d:.]+z?)?$/u.test(text)) {
    const date = new Date(value.trim());
    if (Number.isFinite(date.getTime())) return date;
  }
  throw new PeriodError(`看不懂时间范围“${value}”：请用 24h、7d、2w 或 2026-11-01 这样的写法`);
}
