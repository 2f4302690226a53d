import { createHmac } from 'node:crypto';

/**
 * Salted hash of a web client's id (its IP address), so records can count repeat visitors
 * without storing who they are. Without a salt we record nothing: an unsalted hash of an
 * IPv4 address is reversible by brute force.
 */
export function hashClientId(clientId: string, salt: string | undefined): string | null {
  if (!salt) return null;
  return createHmac('sha256', salt).update(`web:${clientId}`).digest('hex').slice(0, 32);
}
