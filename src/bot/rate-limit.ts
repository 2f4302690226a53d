/**
 * A sliding one-minute window per user. `take` says whether the user may ask now,
 * and whether this is the first refusal in the window, so the bot warns once
 * instead of answering every extra message with another warning.
 */
export interface RateLimiter {
  take(userId: number): RateVerdict | Promise<RateVerdict>;
}

export type RateVerdict = { allowed: true } | { allowed: false; firstRefusal: boolean };

const WINDOW_MS = 60_000;

export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  const hits = new Map<number, { times: number[]; warned: boolean }>();
  let lastSweep = now();
  return {
    take(userId) {
      const t = now();
      if (t - lastSweep > WINDOW_MS) {
        // Drop idle users so the map does not grow with every user ever seen.
        for (const [id, h] of hits) if (h.times.every((x) => t - x >= WINDOW_MS)) hits.delete(id);
        lastSweep = t;
      }
      const entry = hits.get(userId) ?? { times: [], warned: false };
      entry.times = entry.times.filter((x) => t - x < WINDOW_MS);
      hits.set(userId, entry);
      if (entry.times.length < perMinute) {
        entry.times.push(t);
        entry.warned = false;
        return { allowed: true };
      }
      const firstRefusal = !entry.warned;
      entry.warned = true;
      return { allowed: false, firstRefusal };
    },
  };
}
