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
  const maxBytes = opts.maxBytes ?? 8 * 1024 * 1024;
  type Entry = { at: number; value: Promise<unknown>; bytes?: number };
  // One generation of values, replaced by clear(): every value in insertion order, which with one time to live
  // is also the order of expiry, and the weighed ones apart, so that keeping to the byte budget walks only them
  // (small values such as related articles' teasers are many, and stay at the front for a minute).
  type Generation = { values: Map<string, Entry>; weighed: Map<string, Entry>; bytes: number };
  const generation = (): Generation => ({ values: new Map(), weighed: new Map(), bytes: 0 });
  let current = generation();
  const drop = (g: Generation, key: string) => {
    const e = g.values.get(key);
    if (e?.bytes !== undefined && g.weighed.get(key) === e) {
      g.bytes -= e.bytes;
      g.weighed.delete(key);
    }
    g.values.delete(key);
  };
  return {
    enabled: opts.enabled,
    get<T>(key: string, load: () => Promise<T>, weigh?: (value: T) => number): Promise<T> {
      if (!opts.enabled) return load();
      const at = now();
      const g = current;
      const hit = g.values.get(key);
      if (hit && at - hit.at < ttl) return hit.value as Promise<T>;
      // An expired value loaded again goes to the back, with its bytes no longer counted.
      if (hit) drop(g, key);
      // Expired values lead the map: drop them, and the oldest while full.
      for (const [k, v] of g.values) {
        if (g.values.size < max && at - v.at < ttl) break;
        drop(g, k);
      }
      const value = load();
      const entry: Entry = { at, value };
      g.values.set(key, entry);
      if (weigh)
        value.then(
          (v) => {
            if (g.values.get(key) !== entry) return;
            entry.bytes = weigh(v);
            g.bytes += entry.bytes;
            g.weighed.set(key, entry);
            // Over budget: the oldest weighed values go first (the others are small).
            for (const k of g.weighed.keys()) {
              if (g.bytes <= maxBytes) break;
              drop(g, k);
            }
          },
          () => undefined,
        );
      // A failed load is not remembered: the next page tries again.
      value.catch(() => {
        if (g.values.get(key)?.value === value) drop(g, key);
      });
      return value;
    },
    // A load still running when the content changes lands in the old map, not the new one.
    clear() {
      current = generation();
    },
    size() {
      return current.values.size;
    },
  };
}
