/**
 * The built search index, cached on disk so a restart with unchanged
 * knowledge loads it instead of segmenting every passage again.
 *
 * One file per cache folder, `index.bin`: a header line
 * `chuchu-index-cache <key> <sha256 of the body>` and the body written by
 * `SearchIndex.serialize`. The key hashes what the index is made of (the parsed
 * passages, user words and synonyms) and the pipeline that made it (INDEX_VERSION,
 * this package's version, the versions of the libraries that tokenize and
 * index). A file whose key differs, whose body does not match its checksum or
 * that does not load is never trusted: the index is rebuilt and the file replaced.
 * Writing is best effort: a read-only disk costs the next start-up time, never this one.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Passage, UserWord } from '../knowledge/types.js';
import { createSearchIndex, INDEX_VERSION, loadSearchIndex, type SearchIndex } from './search-index.js';
import type { Synonyms } from './synonyms.js';

export const CACHE_FILE = 'index.bin';

/**
 * The cache folder for a knowledge folder: `DATA_DIR/index-cache` for the configured
 * one (the server's, prebuilt by `npm run build-index`), a subfolder per absolute path
 * for any other (`npm run ask -- --knowledge DIR`), so one never evicts the other.
 */
export function indexCacheDir(dataDir: string, knowledgeDir: string, configuredKnowledgeDir: string): string {
  const base = path.join(dataDir, 'index-cache');
  const abs = path.resolve(knowledgeDir);
  if (abs === path.resolve(configuredKnowledgeDir)) return base;
  return path.join(base, 'folders', createHash('sha256').update(abs).digest('hex').slice(0, 16));
}
const MAGIC = 'chuchu-index-cache';

export type IndexCacheEvent =
  | { kind: 'hit'; file: string; ms: number; bytes: number }
  | { kind: 'miss'; file: string; reason: 'absent' | 'stale' | 'corrupt'; detail?: string }
  | { kind: 'written'; file: string; ms: number; bytes: number }
  | { kind: 'write-failed'; file: string; error: string };

export interface IndexCacheOptions {
  /** Folder of the cache file; created when missing. */
  dir: string;
  /** Told what happened (the core has no logger; main logs these). */
  onEvent?: (event: IndexCacheEvent) => void;
  /** `indexCacheKey` of the inputs, when it was computed already (by the engine's knowledge loader). */
  key?: string;
}

/** What the index is built from: the part of `Knowledge` that reaches the index or jieba. */
export interface IndexInputs {
  passages: readonly Passage[];
  userWords: readonly UserWord[];
  synonyms: readonly (readonly string[])[];
}

const require = createRequire(import.meta.url);
const versionOf = (pkg: string): string => {
  try {
    return (require(`${pkg}/package.json`) as { version: string }).version;
  } catch {
    return '?';
  }
};

let pipeline: string | null = null;
/** Everything besides the knowledge that shapes the index: a new version of any of them invalidates every cache. */
export function pipelineVersion(): string {
  pipeline ??= [
    `index@${INDEX_VERSION}`,
    `chuchu@${(require('../../package.json') as { version: string }).version}`,
    ...['minisearch', 'nodejieba', 'opencc-js'].map((p) => `${p}@${versionOf(p)}`),
  ].join(' ');
  return pipeline;
}

/**
 * Hash of the index's inputs. The parsed passages stand for the files' contents:
 * they carry every byte of an article that reaches the index (text, title,
 * section, ids derived from the path), and a parser change that alters them
 * invalidates the cache too.
 */
export function indexCacheKey(inputs: IndexInputs): string {
  const h = createHash('sha256').update(pipelineVersion()).update('\n');
  h.update(JSON.stringify(inputs.userWords)).update('\n').update(JSON.stringify(inputs.synonyms)).update('\n');
  for (const p of inputs.passages) h.update(JSON.stringify(p)).update('\n');
  return h.digest('hex');
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The cached index when the file exists, matches `key` and its checksum, and loads; null otherwise (with the reason in an event). */
export function readCachedIndex(options: IndexCacheOptions, key: string, synonyms: Synonyms, passages?: readonly Passage[]): SearchIndex | null {
  const file = path.join(options.dir, CACHE_FILE);
  const miss = (reason: 'absent' | 'stale' | 'corrupt', detail?: string) => {
    options.onEvent?.({ kind: 'miss', file, reason, ...(detail ? { detail } : {}) });
    return null;
  };
  const t0 = performance.now();
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? miss('absent') : miss('corrupt', `unreadable (${code ?? (err as Error).message})`);
  }
  const nl = bytes.indexOf(10);
  const header = (nl < 0 ? '' : bytes.subarray(0, nl).toString('latin1')).split(' ');
  if (header.length !== 3 || header[0] !== MAGIC) return miss('corrupt', 'no cache header');
  if (header[1] !== key) return miss('stale');
  const body = bytes.subarray(nl + 1);
  if (sha256(body) !== header[2]) return miss('corrupt', 'checksum mismatch');
  try {
    const index = loadSearchIndex(body, synonyms, passages);
    options.onEvent?.({ kind: 'hit', file, ms: Math.round(performance.now() - t0), bytes: body.length });
    return index;
  } catch (err) {
    return miss('corrupt', (err as Error).message);
  }
}

/** Writes the index under `key`, atomically (temp file + rename). Never throws: failures become an event. */
export function writeCachedIndex(options: IndexCacheOptions, key: string, index: SearchIndex): void {
  const file = path.join(options.dir, CACHE_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  const t0 = performance.now();
  try {
    mkdirSync(options.dir, { recursive: true });
    const body = index.serialize();
    // Header and body written one after the other: no third copy of the body at the build's peak.
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, `${MAGIC} ${key} ${sha256(body)}\n`, null, 'latin1');
      for (let at = 0; at < body.length; ) at += writeSync(fd, body, at);
    } finally {
      closeSync(fd);
    }
    // rename replaces a stale or corrupt file in one step: a reader sees the old file or the new one, never half.
    renameSync(tmp, file);
    options.onEvent?.({ kind: 'written', file, ms: Math.round(performance.now() - t0), bytes: body.length });
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The folder refused the write; it may refuse the clean-up too.
    }
    options.onEvent?.({ kind: 'write-failed', file, error: (err as Error).message });
  }
}

/** Loads the index from the cache when it is valid for these inputs; otherwise builds it and writes the cache. */
export function cachedSearchIndex(inputs: IndexInputs, synonyms: Synonyms, options: IndexCacheOptions): SearchIndex {
  const key = options.key ?? indexCacheKey(inputs);
  // The passages are the ones hashed into the key: the index uses them rather than equal copies from the file.
  const cached = readCachedIndex(options, key, synonyms, inputs.passages);
  if (cached && cached.size === inputs.passages.length) return cached;
  const index = createSearchIndex([...inputs.passages], synonyms);
  writeCachedIndex(options, key, index);
  return index;
}
