#!/usr/bin/env node
/**
 * Compiles src/ to dist/ for production: one ES module per TypeScript file (esbuild, no type
 * check: `npm run typecheck` does that), then bundles the widget into dist/widget/bundle.js with
 * .gz and .br beside it. Runs in `prepare` (so `npm ci` builds it) and before `npm start` / `npm run
 * ask` / `report` / `build-index`, where `--if-stale` skips it unless a file under src/ (or
 * package.json) is newer than the last build.
 *   node scripts/build.mjs [--if-stale]
 */
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.built');

/** Every file under a folder, recursively. */
const filesUnder = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));

const sources = filesUnder(src);
if (process.argv.includes('--if-stale') && existsSync(stamp)) {
  const built = statSync(stamp).mtimeMs;
  if (![...sources, path.join(root, 'package.json')].some((f) => statSync(f).mtimeMs > built)) process.exit(0);
}

const t0 = performance.now();
const { build } = await import('esbuild');
rmSync(dist, { recursive: true, force: true });
// The widget's sources run in browsers: they reach dist/ only as the bundle below.
const entryPoints = sources.filter((f) => f.endsWith('.ts') && !f.startsWith(path.join(src, 'widget') + path.sep));
await build({
  entryPoints,
  outdir: dist,
  outbase: src,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
const { writeWidgetBundle } = await import(path.join(dist, 'server', 'widget-bundle.js'));
const widget = await writeWidgetBundle(path.join(dist, 'widget'), path.join(src, 'widget', 'index.ts'));
writeFileSync(stamp, new Date().toISOString() + '\n');
const kb = (n) => (n / 1024).toFixed(1);
console.error(
  `built dist/ (${entryPoints.length} modules; widget ${kb(widget.bytes)} KB, ${kb(widget.gzipBytes)} KB gzip, ${kb(widget.br.length)} KB brotli) in ${Math.round(performance.now() - t0)} ms`,
);
