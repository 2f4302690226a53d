import { questionKey } from './question-key.js';
import type { Knowledge } from './load.js';

/**
 * A live reload applies every good change; a file that fails keeps serving its last
 * good version: an article that no longer parses keeps its previous passages, and a
 * FAQ file with a broken entry keeps the previous entries the new version lost. The
 * failures stay in `errors` and `files` (marked `keptPrevious`), so they are reported.
 */
export function keepLastGood(previous: Knowledge | null, next: Knowledge): Knowledge {
  if (!previous) return next;
  const merged: Knowledge = { ...next, articles: [...next.articles], passages: [...next.passages], faq: [...next.faq] };
  merged.files = next.files.map((report) => {
    if (report.status !== 'failed') return report;
    if (report.kind === 'article') {
      const article = previous.articles.find((a) => a.file === report.file);
      if (!article) return report;
      merged.articles.push(article);
      merged.passages.push(...previous.passages.filter((p) => p.articleId === article.id));
      return { ...report, keptPrevious: true };
    }
    if (report.kind === 'faq') {
      const present = new Set(merged.faq.map((e) => questionKey(e.question)));
      const lost = previous.faq.filter((e) => e.file === report.file && !present.has(questionKey(e.question)));
      merged.faq.push(...lost);
      return lost.length ? { ...report, keptPrevious: true } : report;
    }
    return report;
  });
  return merged;
}
