import path from 'node:path';

/**
 * FAQ files in a knowledge folder: `faq.md`, `*.faq.md`, or any `.md` under a
 * `faq/` folder. They hold curated questions and answers, not articles, so
 * the article loader must skip them.
 */
export function isFaqFile(relativePath: string): boolean {
  const p = relativePath.split(path.sep).join('/').toLowerCase();
  if (!p.endsWith('.md')) return false;
  const name = p.slice(p.lastIndexOf('/') + 1);
  return name === 'faq.md' || name.endsWith('.faq.md') || p.startsWith('faq/') || p.includes('/faq/');
}
