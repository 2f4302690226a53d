import type { FastifyInstance, FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import { ApiError } from './errors.js';

const LOCAL_HOSTNAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Normalizes "https://Example.com:443/" to "https://example.com" so configured and sent origins compare equal. */
export function normalizeOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * Decides whether a browser page at `origin` may call /api/*.
 * Allowed: the configured origins; the server's own origin (the demo page); and, only when
 * nothing is configured, pages on localhost (so a developer can try the widget locally).
 */
export function isOriginAllowed(origin: string, requestHost: string | undefined, allowedOrigins: readonly string[]): boolean {
  const normalized = normalizeOrigin(origin);
  if (!normalized) return false;
  const url = new URL(normalized);
  if (requestHost && url.host === requestHost.toLowerCase()) return true;
  if (allowedOrigins.length === 0) return LOCAL_HOSTNAMES.has(url.hostname);
  return allowedOrigins.some((allowed) => allowed === '*' || normalizeOrigin(allowed) === normalized);
}

/**
 * Whether the route that matched is under /api/. Decided on the matched route, never the raw
 * URL: `/%61pi/ask` and the absolute form `http://host/api/ask` reach the same handler as
 * `/api/ask`. A preflight matches the OPTIONS route @fastify/cors adds (`*`), so it is judged
 * by the decoded path it asks about.
 */
function isApiRoute(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route !== undefined && route !== '*' && route !== '/*') return route.startsWith('/api/');
  return decodedPath(request.url).startsWith('/api/');
}

/** The path of a request target (origin or absolute form), percent-decoded; '' when it cannot be decoded. */
function decodedPath(target: string): string {
  try {
    return decodeURIComponent(new URL(target, 'http://x').pathname);
  } catch {
    return '';
  }
}

/**
 * CORS for /api/*: allowed origins get CORS headers; any other Origin is refused with 403 before
 * the handler runs (no CORS headers, so the browser also blocks the response). Requests without
 * an Origin header (curl, server-to-server) are not browser cross-origin requests and pass.
 */
export async function registerOriginPolicy(app: FastifyInstance, allowedOrigins: readonly string[]): Promise<void> {
  const allowed = (request: FastifyRequest): boolean => {
    const origin = request.headers.origin;
    // request.host honours X-Forwarded-Host only when trustProxy is on, which is what a proxy needs.
    return origin === undefined || isOriginAllowed(origin, request.host, allowedOrigins);
  };

  // Added before @fastify/cors so a refused preflight never reaches it.
  app.addHook('onRequest', async (request) => {
    if (!isApiRoute(request) || allowed(request)) return;
    throw new ApiError(403, 'origin_not_allowed', '这个网站没有被允许调用问答接口');
  });

  await app.register(cors, {
    delegator: (request, callback) => {
      callback(null, {
        origin: isApiRoute(request) && allowed(request),
        methods: ['GET', 'POST'],
        allowedHeaders: ['Content-Type', 'X-Chuchu-Client'],
        exposedHeaders: ['Retry-After'],
        maxAge: 600,
        // An OPTIONS without Origin is no browser's preflight: 204, rather than the plugin's text/plain 400.
        strictPreflight: false,
      });
    },
  });
}
