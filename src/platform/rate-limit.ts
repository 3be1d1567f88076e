// A fixed-window counter per key, in this process's memory (one per app; no module state).
export interface RateLimiter {
  /** Counts a hit; returns false when the key is over its limit in the current window. */
  hit(key: string): boolean;
  /** True when the key is over its limit, without counting. */
  blocked(key: string): boolean;
  reset(key: string): void;
}

/** Creates a limiter allowing `max` hits per key in each `windowMs`. */
export function createRateLimiter(opts: { max: number; windowMs: number; now?: () => number }): RateLimiter {
  const now = opts.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  const current = (key: string) => {
    const t = now();
    let w = windows.get(key);
    if (!w || t - w.start >= opts.windowMs) {
      w = { start: t, count: 0 };
      windows.set(key, w);
      // Keep memory bounded: drop expired windows now and then.
      if (windows.size > 10_000) for (const [k, v] of windows) if (t - v.start >= opts.windowMs) windows.delete(k);
    }
    return w;
  };
  return {
    hit(key) {
      const w = current(key);
      w.count++;
      return w.count <= opts.max;
    },
    blocked(key) {
      return current(key).count >= opts.max;
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
