// Data that every public page shows the same way (site identity, the rubric menu, the next event),
// read once and shared until the content changes. A cache miss on an article then costs only the
// queries about that article.

export interface ContentMemo {
  /**
   * The value under `key`, loaded once; concurrent callers share one load. A value given a weight (about
   * its bytes) counts against the memo's byte budget, which drops the oldest weighed values first.
   */
  get<T>(key: string, load: () => Promise<T>, weigh?: (value: T) => number): Promise<T>;
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
export function createContentMemo(opts: {
  enabled: boolean;
  ttlMs?: number;
  maxEntries?: number;
  /** Budget of the weighed values (an article's drawn parts weigh 20 to 60 KB): 8 MB by default. */
  maxBytes?: number;
  now?: () => number;
}): ContentMemo {
  const ttl = opts.ttlMs ?? 60_000;
  // A dossier's aggregates weigh about 12 KB: 2,000 of them stay near the page cache's 32 MB.
  const max = Math.max(1, opts.maxEntries ?? 2000);
  const now = opts.now ?? Date.now;
  // Kept in insertion order, which with one time to live is also the order of expiry.
  let values = new Map<string, { at: number; value: Promise<unknown>; bytes?: number }>();
  const maxBytes = opts.maxBytes ?? 8 * 1024 * 1024;
  // What the weighed values of each map hold; a map replaced by clear() keeps its own count.
  const weighed = new WeakMap<Map<string, unknown>, number>();
  const drop = (map: typeof values, key: string) => {
    const bytes = map.get(key)?.bytes;
    if (bytes !== undefined) weighed.set(map, (weighed.get(map) ?? 0) - bytes);
    map.delete(key);
  };
  return {
    enabled: opts.enabled,
    get<T>(key: string, load: () => Promise<T>, weigh?: (value: T) => number): Promise<T> {
      if (!opts.enabled) return load();
      const at = now();
      const hit = values.get(key);
      if (hit && at - hit.at < ttl) return hit.value as Promise<T>;
      const mine = values;
      // Expired values lead the map (this one too, if it was there): drop them, and the oldest while full.
      for (const [k, v] of mine) {
        if (mine.size < max && at - v.at < ttl) break;
        drop(mine, k);
      }
      const value = load();
      const entry: { at: number; value: Promise<unknown>; bytes?: number } = { at, value };
      mine.set(key, entry);
      if (weigh)
        value.then(
          (v) => {
            if (mine.get(key) !== entry) return;
            entry.bytes = weigh(v);
            weighed.set(mine, (weighed.get(mine) ?? 0) + entry.bytes);
            // Over budget: the oldest weighed values go first (the others are small and few).
            for (const [k, e] of mine) {
              if ((weighed.get(mine) ?? 0) <= maxBytes) break;
              if (e.bytes !== undefined) drop(mine, k);
            }
          },
          () => undefined,
        );
      // A failed load is not remembered: the next page tries again.
      value.catch(() => {
        if (mine.get(key)?.value === value) drop(mine, key);
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
