import type { FastifyServerOptions } from 'fastify';

/**
 * How long a client may hold a connection, and how many it may hold at once.
 *
 * Why: without these, idle sockets and bodies sent a byte at a time are kept forever
 * (Node's defaults: no idle timeout, a 30 s check interval), and tens of thousands of
 * them exhaust the open-file limit until even `/api/health` stops answering.
 */
export interface ConnectionLimits {
  /** A socket with no traffic for this long is closed (idle keep-alive, or a client that never sends). */
  idleTimeoutMs: number;
  /** The request line and headers must arrive within this (408 otherwise). */
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this (408 otherwise), however steadily it trickles. */
  requestTimeoutMs: number;
  /** An idle keep-alive socket between requests is closed after this. */
  keepAliveTimeoutMs: number;
  /** How often Node checks the two request timeouts (its default, 30 s, would let them overrun by that much). */
  checkIntervalMs: number;
  /** Connections over this are dropped on accept; the held ones time out and make room. */
  maxConnections: number;
}

/** Defaults: generous for a 4 KB JSON question, short for a socket doing nothing. */
export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  idleTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  keepAliveTimeoutMs: 10_000,
  checkIntervalMs: 1_000,
  maxConnections: 4_096,
};

/** The fastify constructor options for these limits (maxConnections is set on the server after). */
export function serverTimeouts(limits: ConnectionLimits): Pick<FastifyServerOptions, 'connectionTimeout' | 'requestTimeout' | 'keepAliveTimeout'> & {
  http: { headersTimeout: number; requestTimeout: number; connectionsCheckingInterval: number };
} {
  return {
    connectionTimeout: limits.idleTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      // Node requires headersTimeout <= requestTimeout.
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
  };
}
