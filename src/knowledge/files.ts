import path from 'node:path';

/** Files in a knowledge folder that are not articles. */
export const USER_DICT_FILE = 'userdict.txt';
export const SYNONYMS_FILE = 'synonyms.txt';

/**
 * Hidden files, `_drafts`, editor swap and backup files (`.swp`, `~`, vim's numbered
 * probe files): never knowledge. The loader skips them and the watcher does not reload for them.
 */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || name.endsWith('~') || /\.(swp|swx|tmp|bak)$/iu.test(name) || /^\d+$/u.test(name);
}

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
