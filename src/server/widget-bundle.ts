import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

export interface WidgetBundle {
  code: string;
  etag: string;
  /** The same code compressed once, at build time: served as the browser accepts. */
  gzip: Buffer;
  br: Buffer;
  /** Sizes in bytes, for logs and the README. */
  bytes: number;
  gzipBytes: number;
}

const DEFAULT_ENTRY = fileURLToPath(new URL('../widget/index.ts', import.meta.url));
/** Written by `npm run build` (scripts/build.mjs) beside the compiled server: dist/widget/bundle.js(.gz, .br). */
const PREBUILT = fileURLToPath(new URL('../widget/bundle.js', import.meta.url));

let cached: Promise<WidgetBundle> | null = null;

/**
 * The widget bundle: read from dist/ when the compiled server runs (bundled and
 * compressed at build time), bundled in memory with esbuild when running from
 * the TypeScript sources (tests, development). Shared by every app in the process.
 */
export function buildWidget(entry: string = DEFAULT_ENTRY): Promise<WidgetBundle> {
  if (entry !== DEFAULT_ENTRY) return bundle(entry);
  cached ??= (existsSync(PREBUILT) ? Promise.resolve(readPrebuilt()) : bundle(entry)).catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

const etagOf = (code: string) => `"${createHash('sha256').update(code).digest('base64url').slice(0, 27)}"`;

function withCode(code: string, gzip: Buffer, br: Buffer): WidgetBundle {
  return { code, etag: etagOf(code), gzip, br, bytes: Buffer.byteLength(code), gzipBytes: gzip.length };
}

function readPrebuilt(): WidgetBundle {
  return withCode(readFileSync(PREBUILT, 'utf8'), readFileSync(`${PREBUILT}.gz`), readFileSync(`${PREBUILT}.br`));
}

async function bundle(entry: string): Promise<WidgetBundle> {
  // esbuild is needed only here, so the compiled server never loads it.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    write: false,
    format: 'iife',
    // Browsers from 2020 on (Safari 14, Chrome 80): what visitors' phones run, and all have Shadow DOM.
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
  });
  const code = result.outputFiles[0]!.text;
  const br = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } });
  return withCode(code, gzipSync(code, { level: 9 }), br);
}

/** Bundles the widget and writes bundle.js, bundle.js.gz and bundle.js.br into `dir` (the build step). */
export async function writeWidgetBundle(dir: string, entry: string = DEFAULT_ENTRY): Promise<WidgetBundle> {
  const widget = await bundle(entry);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'bundle.js');
  writeFileSync(file, widget.code);
  writeFileSync(`${file}.gz`, widget.gzip);
  writeFileSync(`${file}.br`, widget.br);
  return widget;
}

/** The best encoding the client accepts (`br`, then `gzip`), or null for none. */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/u.exec(p)?.[1]).find((v) => v !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

/**
 * `GET /widget.js`: compressed when the browser accepts it (precompressed, so no CPU per request),
 * cacheable for a few minutes, revalidated by ETag (the URL is not versioned); each encoding has its own ETag.
 */
export function registerWidgetRoute(app: FastifyInstance, widget: WidgetBundle): void {
  app.get('/widget.js', async (request, reply) => {
    const encoding = pickEncoding(request.headers['accept-encoding']);
    const etag = encoding ? widget.etag.replace(/"$/u, `-${encoding === 'br' ? 'br' : 'gz'}"`) : widget.etag;
    reply
      .header('ETag', etag)
      .header('Vary', 'Accept-Encoding')
      .header('Cache-Control', 'public, max-age=300, stale-while-revalidate=86400')
      // Host pages on other origins load this script; say so for sites that use COEP.
      .header('Cross-Origin-Resource-Policy', 'cross-origin');
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      return reply.code(304).send();
    }
    reply.type('text/javascript; charset=utf-8');
    if (encoding === 'br') return reply.header('Content-Encoding', 'br').send(widget.br);
    if (encoding === 'gzip') return reply.header('Content-Encoding', 'gzip').send(widget.gzip);
    return reply.send(widget.code);
  });
}
