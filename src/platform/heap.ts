// How the server asks V8 to size its heap. Under load V8's defaults size the heap for speed alone: at 50
// connections of cache misses a quarter of the process's memory was garbage awaiting collection.
import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Megabytes per semi-space the young generation may grow to while serving (V8's default is 16). */
export const SEMI_SPACE_MB = 8;
/** How much the old generation may grow past its live data before a full collection, in percent. */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Sets the server's heap sizing, except what `nodeFlags` (the node command line and NODE_OPTIONS) sets
 * itself; returns a function that stops watching the young generation.
 *
 * Old generation: V8 lets it grow to up to four times the live data when collecting is fast; every
 * request's objects outlive a young collection or two while 50 connections wait, and that promoted
 * garbage reached 40-60 MB. Growing by half costs a full collection of a ~25 MB heap, a few
 * milliseconds mostly on another thread, every second or two under load.
 *
 * Young generation: V8 grows it to 2 x 16 MB under any sustained load, though what survives a young
 * collection here is about 300 KB. At 2 x 8 MB young collections come twice as often and article
 * misses ran 0 to 3% slower; the peak was 15 MB lower. --max-semi-space-size is read only when V8
 * starts, which a command (npm start, the bundle run directly, a service manager) cannot be relied on
 * to pass; the growth factor is read at each young collection, so growth stops at the cap (factor 1)
 * and resumes (factor 2) if V8 has shrunk the space when idle.
 */
export function sizeHeapForServing(nodeFlags: string[]): () => void {
  const given = (name: string) => nodeFlags.some((f) => f.replaceAll('_', '-').startsWith(`--${name}`));
  if (!given('heap-growing-percent')) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  if (given('max-semi-space-size') || given('semi-space-growth-factor')) return () => {};
  // new_space's size counts both semi-spaces.
  const cap = 2 * SEMI_SPACE_MB * 1024 * 1024;
  let growing = true;
  const check = () => {
    const size = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
    if (size < cap === growing) return;
    growing = !growing;
    setFlagsFromString(`--semi-space-growth-factor=${growing ? 2 : 1}`);
  };
  const observer = new PerformanceObserver(check);
  observer.observe({ entryTypes: ['gc'] });
  check();
  return () => {
    observer.disconnect();
    if (!growing) setFlagsFromString('--semi-space-growth-factor=2');
  };
}
