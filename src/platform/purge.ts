// Tells a CDN or a caching proxy in front which pages to drop. Every cached public page carries its surrogate
// keys (`Surrogate-Key`, space-separated; `Cache-Tag`, comma-separated): `pages` on all of them, and narrower
// ones such as `comments:12`. On a change the instance that made it sends one request to CHANCERY_PURGE_URL:
// method PURGE, the keys in both headers and as JSON ({"keys": [...]}) in the body.

/** The key every cached public page carries: purging it drops them all. */
export const ALL_PAGES_KEY = 'pages';

export interface Purger {
  /** Asks the proxy to drop every page carrying one of these keys; failures are logged, never thrown. */
  purge(keys: string[]): void;
  /** Waits for the requests under way. */
  flush(): Promise<void>;
}

/** A purger for `url`, or one that does nothing when url is empty. */
export function createPurger(url: string, log: { error: (o: object, m: string) => void }, timeoutMs = 2000): Purger {
  const pending = new Set<Promise<unknown>>();
  if (!url) return { purge() {}, flush: async () => {} };
  return {
    purge(keys) {
      if (keys.length === 0) return;
      const p = fetch(url, {
        method: 'PURGE',
        headers: { 'surrogate-key': keys.join(' '), 'cache-tag': keys.join(','), 'content-type': 'application/json' },
        body: JSON.stringify({ keys }),
        signal: AbortSignal.timeout(timeoutMs),
      })
        .then(async (res) => {
          await res.arrayBuffer().catch(() => undefined);
          if (res.status >= 400) throw new Error(`the purge URL answered ${res.status}`);
        })
        .catch((err) => log.error({ err, keys }, 'purge failed'))
        .finally(() => pending.delete(p));
      pending.add(p);
    },
    async flush() {
      await Promise.all(pending);
    },
  };
}

/** The surrogate keys of a cached page with these tags. */
export function surrogateKeys(tags: readonly string[] | undefined): string[] {
  return [ALL_PAGES_KEY, ...(tags ?? [])];
}
