import { createHash, randomBytes } from 'node:crypto';

/**
 * Turns a Telegram id into the salted hash the recorder stores (ids are small
 * integers, so an unsalted hash would be trivially reversible).
 * Without a configured salt a random one is used: hashes then stay private but
 * change on every restart.
 */
export function createIdHasher(salt?: string): (id: number | undefined) => string | null {
  const key = salt && salt.length > 0 ? salt : randomBytes(16).toString('hex');
  return (id) => (id === undefined ? null : createHash('sha256').update(key + String(id)).digest('hex'));
}
