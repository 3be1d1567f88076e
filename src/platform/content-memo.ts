// Data that every public page shows the same way (site identity, the rubric menu, the next event),
// read once and shared until the content changes. A cache miss on an article then costs only the
// queries about that article.

export interface ContentMemo {
  /** The value under `key`, loaded once; concurrent callers share one load. */
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Forgets everything: called with the page cache on any change to what public pages show. */
  clear(): void;
  /** Number of values held (for tests and metrics). */
  size(): number;
  /** False when every get() loads afresh: a value that pays only when shared is then not worth building. */
  readonly enabled: boolean;
}

/**
 * Values live at most `ttlMs` (like cached pages), so another app instance's change reaches this
 * one within that time even though only the instance that made it calls clear().
 * At most `maxEntries` values are held, the oldest dropped first: keys carry the minute or a
 * dossier's id, so a crawler walking every dossier would otherwise grow the memo without end.
 * Disabled, every get() loads afresh.
 */
export function createContentMemo(opts: { enabled: boolean; ttlMs?: number; maxEntries?: number; now?: () => number }): ContentMemo {
  const ttl = opts.ttlMs ?? 60_000;
  // A dossier's aggregates weigh about 12 KB: 2,000 of them stay near the page cache's 32 MB.
  const max = Math.max(1, opts.maxEntries ?? 2000);
  const now = opts.now ?? Date.now;
  // Kept in insertion order, which with one time to live is also the order of expiry.
  let values = new Map<string, { at: number; value: Promise<unknown> }>();
  return {
    enabled: opts.enabled,
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      if (!opts.enabled) return load();
      const at = now();
      const hit = values.get(key);
      if (hit && at - hit.at < ttl) return hit.value as Promise<T>;
      const mine = values;
      // Expired values lead the map (this one too, if it was there): drop them, and the oldest while full.
      for (const [k, v] of mine) {
        if (mine.size < max && at - v.at < ttl) break;
        mine.delete(k);
      }
      const value = load();
      mine.set(key, { at, value });
      // A failed load is not remembered: the next page tries again.
      value.catch(() => {
        if (mine.get(key)?.value === value) mine.delete(key);
      });
      return value;
    },
    // A load still running when the content changes lands in the old map, not the new one.
    clear() {
      values = new Map();
    },
    size() {
      return values.size;
    },
  };
}
