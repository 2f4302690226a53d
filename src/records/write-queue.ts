/** Records waiting for the next write; beyond this (the database is stuck) new ones are dropped, not hoarded. */
export const MAX_PENDING = 10_000;

export interface WriteQueue<T> {
  /** Queues one item; written with the others on the next turn of the event loop. Never throws. */
  add(item: T): void;
  /** Writes what is queued now. */
  flush(): void;
  /** Writes what is queued; later items are dropped (and logged). */
  close(): void;
}

/**
 * Batches writes so recording never slows an answer: items are queued and handed to
 * `write` together on the next turn of the event loop (one transaction for a burst).
 * A failing write is logged and its items dropped; a full queue drops new items.
 */
export function createWriteQueue<T>(write: (items: T[]) => void, logError: (err: unknown, message: string) => void): WriteQueue<T> {
  let pending: T[] = [];
  let scheduled: NodeJS.Immediate | null = null;
  let closed = false;

  const flush = () => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = null;
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    try {
      write(items);
    } catch (err) {
      logError(err, `records: ${items.length} record(s) not written`);
    }
  };

  return {
    add(item) {
      try {
        if (closed) return logError(new Error('the recorder is closed'), 'records: record dropped');
        if (pending.length >= MAX_PENDING) return logError(new Error('write queue full'), 'records: record dropped');
        pending.push(item);
        scheduled ??= setImmediate(flush);
      } catch (err) {
        logError(err, 'records: record dropped');
      }
    },
    flush,
    close() {
      if (closed) return;
      flush();
      closed = true;
    },
  };
}
