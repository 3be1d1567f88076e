// Data that every public page shows the same way (site identity, the rubric menu, the next event),
// read once and shared until the content changes. A cache miss on an article then costs only the
// queries about that article.

export interface ContentMemo {
  /** The value under `key`, loaded once; concurrent callers share one load. */
  get<T>(key: string, load: () => Promise<T>): Promise<T>;
  /** Forgets everything: called with the page cache on any change to what public pages show. */
  clear(): void;
}

/**
 * Values live at most `ttlMs` (like cached pages), so another app instance's change reaches this
 * one within that time even though only the instance that made it calls clear().
 * Disabled, every get() loads afresh.
 */
export function createContentMemo(opts: { enabled: boolean; ttlMs?: number; now?: () => number }): ContentMemo {
  const ttl = opts.ttlMs ?? 60_000;
  const now = opts.now ?? Date.now;
  let values = new Map<string, { at: number; value: Promise<unknown> }>();
  return {
    get<T>(key: string, load: () => Promise<T>): Promise<T> {
      if (!opts.enabled) return load();
      const hit = values.get(key);
      if (hit && now() - hit.at < ttl) return hit.value as Promise<T>;
      const mine = values;
      const value = load();
      mine.set(key, { at: now(), value });
      // A failed load is not remembered: the next page tries again.
      value.catch(() => { if (mine.get(key)?.value === value) mine.delete(key); });
      return value;
    },
    // A load still running when the content changes lands in the old map, not the new one.
    clear() { values = new Map(); },
  };
}
