import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SHIPPED = path.resolve(import.meta.dirname, '../../knowledge');

/** A throwaway copy of the shipped knowledge folder: tests edit it, never the shipped one. */
export function copyKnowledge(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'chuchu-reload-'));
  cpSync(SHIPPED, dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Polls until `check` returns true (or fails the test after `timeoutMs`). */
export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
