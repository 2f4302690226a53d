import type { KnowledgeError } from '../shared/errors.js';
import { SkippedFile } from './formats/skipped.js';

/** What the loader did with one file of the knowledge folder: every file gets one. */
export interface FileReport {
  /** Path relative to the knowledge folder. */
  file: string;
  status: 'loaded' | 'skipped' | 'failed';
  /** What the file is to chuchu. */
  kind: 'article' | 'faq' | 'userdict' | 'synonyms' | 'other';
  /** Articles: paragraphs indexed; FAQ files: entries loaded. */
  count?: number;
  /** Skipped or failed: why, in words a manager acts on (the first error, when several). */
  reason?: string;
  line?: number;
  /** Failed, but its last good version keeps serving (live reload). */
  keptPrevious?: boolean;
}

export function loaded(file: string, kind: FileReport['kind'], count: number): FileReport {
  return { file, status: 'loaded', kind, count };
}

export function skipped(file: string, reason: string): FileReport {
  return { file, status: 'skipped', kind: 'other', reason };
}

/** A failed file, or a skipped one when the error says it is not an article at all (a scanned PDF). */
export function failed(error: KnowledgeError, kind: FileReport['kind']): FileReport {
  if (error instanceof SkippedFile) return { file: error.file, status: 'skipped', kind: 'other', reason: error.reason };
  return { file: error.file, status: 'failed', kind, reason: error.reason, ...(error.line ? { line: error.line } : {}) };
}

/** Added to a failed file's reason when its last good version keeps serving (live reload). */
export const KEPT_PREVIOUS = '（仍在使用它上一次的正确版本）';

const UNITS: Record<FileReport['kind'], string> = { article: '段', faq: '条', synonyms: '组', userdict: '个词', other: '项' };

/** One line per file, for logs and terminals: `已加载 a.md（12 段）`, `跳过 b.doc: …`, `出错 c.md:3: …`. */
export function describeFile(r: FileReport): string {
  const where = `${r.file}${r.line ? `:${r.line}` : ''}`;
  if (r.status === 'loaded') return `已加载 ${r.file}（${r.count} ${UNITS[r.kind]}）`;
  if (r.status === 'skipped') return `跳过 ${r.file}: ${r.reason}`;
  return `出错 ${where}: ${r.reason}${r.keptPrevious ? KEPT_PREVIOUS : ''}`;
}

/** Counts for a summary line. */
export function tally(files: FileReport[]): { loaded: number; skipped: number; failed: number } {
  return {
    loaded: files.filter((f) => f.status === 'loaded').length,
    skipped: files.filter((f) => f.status === 'skipped').length,
    failed: files.filter((f) => f.status === 'failed').length,
  };
}
