#!/usr/bin/env node
/**
 * Compiles src/ to dist/ for production: one ES module per TypeScript file (esbuild, no type
 * check: `npm run typecheck` does that), then bundles the widget into dist/widget/bundle.js with
 * .gz and .br beside it, and writes jieba's word weights as typed arrays (dist/text/word-weights.bin). Runs in `prepare` (so `npm ci` builds it) and before `npm start` / `npm run
 * ask` / `report` / `build-index`, where `--if-stale` skips it unless a file under src/ (or
 * package.json) is newer than the last build.
 *
 * Safe when several processes start at once (replicas, `npm start` beside `npm run ask`): one builds
 * while the others wait on a lock folder (.dist-build.lock) and then find dist/ fresh; the build goes
 * to a folder of its own and replaces dist/ by rename, so a running process never sees half of it.
 *   node scripts/build.mjs [--if-stale]
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.built');
const lock = path.join(root, '.dist-build.lock');
/** A lock older than this was left by a build that was killed. */
const STALE_LOCK_MS = 5 * 60_000;

/** Every file under a folder, recursively. */
const filesUnder = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));

const sources = filesUnder(src);
const fresh = () => {
  if (!existsSync(stamp)) return false;
  const built = statSync(stamp).mtimeMs;
  return ![...sources, path.join(root, 'package.json')].some((f) => statSync(f).mtimeMs > built);
};
const ifStale = process.argv.includes('--if-stale');
if (ifStale && fresh()) process.exit(0);

/** Takes the lock folder, waiting while another build holds it; false when that build left dist/ fresh. */
async function takeLock() {
  for (;;) {
    try {
      mkdirSync(lock);
      return true;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    try {
      if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
    } catch {
      // Released meanwhile.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (ifStale && !existsSync(lock) && fresh()) return false;
  }
}

if (!(await takeLock())) process.exit(0);
try {
  const t0 = performance.now();
  const { build } = await import('esbuild');
  const out = `${dist}.build-${process.pid}`;
  rmSync(out, { recursive: true, force: true });
  // The widget's sources run in browsers: they reach dist/ only as the bundle below.
  const entryPoints = sources.filter((f) => f.endsWith('.ts') && !f.startsWith(path.join(src, 'widget') + path.sep));
  await build({
    entryPoints,
    outdir: out,
    outbase: src,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  // Data files the modules read beside themselves (jieba's keyword-table stubs: src/text/segment.ts).
  for (const f of sources.filter((f) => f.endsWith('.utf8'))) copyFileSync(f, path.join(out, path.relative(src, f)));
  const { writeWidgetBundle } = await import(path.join(out, 'server', 'widget-bundle.js'));
  const widget = await writeWidgetBundle(path.join(out, 'widget'), path.join(src, 'widget', 'index.ts'));
  // jieba's word weights as typed arrays (src/text/word-weight-table.ts): read at start instead of parsing 6 MB of text.
  const { idfSource, WORD_WEIGHTS_FILE } = await import(path.join(out, 'text', 'word-weights.js'));
  const { writeWordWeightTable } = await import(path.join(out, 'text', 'word-weight-table.js'));
  writeWordWeightTable(idfSource(), WORD_WEIGHTS_FILE);
  writeFileSync(path.join(out, '.built'), new Date().toISOString() + '\n');
  // Two renames: dist/ is missing only between them, never half-written.
  const old = `${dist}.old-${process.pid}`;
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(out, dist);
  rmSync(old, { recursive: true, force: true });
  const kb = (n) => (n / 1024).toFixed(1);
  console.error(
    `built dist/ (${entryPoints.length} modules; widget ${kb(widget.bytes)} KB, ${kb(widget.gzipBytes)} KB gzip, ${kb(widget.br.length)} KB brotli) in ${Math.round(performance.now() - t0)} ms`,
  );
} finally {
  rmSync(lock, { recursive: true, force: true });
}
