import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';

/** A CSP source for one exact inline `<style>` block, so the demo page needs no 'unsafe-inline'. */
export function styleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

/**
 * Headers for HTML pages we serve. The CSP is what the demo page and the widget need and
 * nothing more: scripts only from us, fetch only to us, styles from us or the hashed block.
 * The widget's own CSS is a constructable stylesheet, which style-src does not govern, so
 * it also runs on host pages with a strict CSP.
 */
export function setHtmlSecurityHeaders(reply: FastifyReply, inlineStyleHashes: string[] = []): FastifyReply {
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${inlineStyleHashes.join(' ')}`.trim(),
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return reply
    .header('Content-Security-Policy', csp)
    .header('X-Frame-Options', 'DENY')
    .header('Referrer-Policy', 'strict-origin-when-cross-origin')
    .header('Cross-Origin-Opener-Policy', 'same-origin')
    .header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
}
