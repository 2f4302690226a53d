import { watch, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ReloadResult } from '../engine/engine.js';
import { isIgnoredName } from '../knowledge/files.js';

/** Editors save in bursts (temp file, rename, chmod): wait this long after the last event. */
export const DEFAULT_DEBOUNCE_MS = 300;

export interface WatchOptions {
  dir: string;
  /** Rebuilds the index (engine.reload); the watcher never runs two at once. */
  reload: () => Promise<ReloadResult>;
  /** After each reload, with the files whose change triggered it. */
  onReload?: (result: ReloadResult, changed: string[]) => void;
  /** The watch itself failed (folder removed, too many watchers); reload still works by hand. */
  onError?: (error: Error) => void;
  debounceMs?: number;
  /**
   * true: one recursive fs.watch; false: one watcher per folder (symlinks skipped). Default:
   * recursive where the OS does it natively (macOS, Windows), per folder elsewhere.
   */
  recursive?: boolean;
}

export interface KnowledgeWatcher {
  close(): void;
  /** Resolves when no reload is running or scheduled (tests; graceful shutdown). */
  idle(): Promise<void>;
}

const NATIVE_RECURSIVE = process.platform === 'darwin' || process.platform === 'win32';

const ignored = (file: string) => isIgnoredName(path.basename(file));

async function folders(dir: string): Promise<string[]> {
  const out = [dir];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory() && !ignored(e.name)) out.push(...(await folders(path.join(dir, e.name))));
  }
  return out;
}

/**
 * Watches a knowledge folder and reloads the engine when files are added,
 * edited or removed, debounced. A change that arrives during a reload
 * schedules one more, so the last edit is never lost to a rebuild that had
 * already read the files.
 *
 * @example
 * const watcher = watchKnowledge({ dir: 'knowledge', reload: () => engine.reload(), onReload: log });
 * process.on('SIGTERM', () => watcher.close());
 */
export function watchKnowledge(options: WatchOptions): KnowledgeWatcher {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let changed = new Set<string>();
  let dirty = false;
  let closed = false;

  const fail = (error: unknown) => options.onError?.(error instanceof Error ? error : new Error(String(error)));

  async function run(): Promise<void> {
    do {
      dirty = false;
      const files = [...changed];
      changed = new Set();
      try {
        const result = await options.reload();
        if (!closed) options.onReload?.(result, files);
      } catch (error) {
        fail(error);
      }
    } while (dirty && !closed);
  }

  function schedule(file: string | null): void {
    if (closed || (file && ignored(file))) return;
    if (file) changed.add(file.split(path.sep).join('/'));
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (running) return void (dirty = true);
      running = run().finally(() => (running = null));
      if (mode === 'per-folder') void syncFolders();
    }, debounceMs);
  }

  function add(folder: string, recursive: boolean): void {
    if (watchers.has(folder)) return;
    const relative = path.relative(options.dir, folder);
    const watcher = watch(folder, { recursive, persistent: false }, (_event, name) =>
      schedule(name === null ? null : path.join(relative, name.toString())),
    );
    watcher.on('error', (error) => {
      watchers.delete(folder);
      watcher.close();
      // Node's recursive watch on Linux follows symlinks and dies on a loop (ELOOP): go on one folder at a time.
      if (recursive) return perFolder();
      // A removed or broken sub-folder ends its own watcher only; only the root failing is worth reporting.
      if (folder === options.dir) fail(error);
    });
    watchers.set(folder, watcher);
  }

  function perFolder(): void {
    if (closed) return;
    mode = 'per-folder';
    add(options.dir, false);
    void syncFolders();
  }

  /** Per-folder mode: watch new sub-folders, forget removed ones. */
  async function syncFolders(): Promise<void> {
    try {
      const now = new Set(await folders(options.dir));
      if (closed) return;
      for (const f of now) add(f, false);
      for (const [f, w] of watchers) if (!now.has(f)) (w.close(), watchers.delete(f));
    } catch (error) {
      fail(error);
    }
  }

  // Native recursive watching (macOS, Windows) by default; elsewhere Node emulates it by walking
  // the tree, following symlinks into loops, so one folder at a time, skipping symlinks as the loader does.
  let mode: 'recursive' | 'per-folder' = (options.recursive ?? NATIVE_RECURSIVE) ? 'recursive' : 'per-folder';
  try {
    if (mode === 'per-folder') perFolder();
    else add(options.dir, true);
  } catch {
    // Recursive watching unavailable, or the tree has a path it cannot walk (ELOOP).
    perFolder();
  }

  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
    async idle() {
      while (timer || running) await (running ?? new Promise((r) => setTimeout(r, debounceMs)));
    },
  };
}
