import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { FastifyInstance } from 'fastify';

export interface WidgetBundle {
  code: string;
  etag: string;
  /** Sizes in bytes, for logs and the README. */
  bytes: number;
  gzipBytes: number;
}

const DEFAULT_ENTRY = fileURLToPath(new URL('../widget/index.ts', import.meta.url));

let cached: Promise<WidgetBundle> | null = null;

/**
 * Bundles src/widget/ in memory (tens of milliseconds), so there is no build step to forget.
 * The result is shared by every app in the process: it depends only on the source files.
 */
export function buildWidget(entry: string = DEFAULT_ENTRY): Promise<WidgetBundle> {
  if (entry !== DEFAULT_ENTRY) return bundle(entry);
  cached ??= bundle(entry).catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

async function bundle(entry: string): Promise<WidgetBundle> {
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
  const etag = `"${createHash('sha256').update(code).digest('base64url').slice(0, 27)}"`;
  return { code, etag, bytes: Buffer.byteLength(code), gzipBytes: gzipSync(code).length };
}

/** `GET /widget.js`: cacheable for a few minutes, revalidated by ETag (the URL is not versioned). */
export function registerWidgetRoute(app: FastifyInstance, widget: WidgetBundle): void {
  app.get('/widget.js', async (request, reply) => {
    reply
      .header('ETag', widget.etag)
      .header('Cache-Control', 'public, max-age=300, stale-while-revalidate=86400')
      // Host pages on other origins load this script; say so for sites that use COEP.
      .header('Cross-Origin-Resource-Policy', 'cross-origin');
    const ifNoneMatch = request.headers['if-none-match'];
    if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === widget.etag)) {
      return reply.code(304).send();
    }
    return reply.type('text/javascript; charset=utf-8').send(widget.code);
  });
}
