import { describe, expect, it } from 'vitest';
import { createContentMemo } from './content-memo.js';

describe('content memo', () => {
  it('loads a key once, shares a load in flight, and forgets everything on clear', async () => {
    const memo = createContentMemo({ enabled: true });
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([memo.get('k', load), memo.get('k', load)])).toEqual([1, 1]);
    expect(await memo.get('k', load)).toBe(1);
    memo.clear();
    expect(await memo.get('k', load)).toBe(2);
  });

  it("keeps a value no longer than its time to live, so other instances' changes arrive", async () => {
    let now = 0;
    const memo = createContentMemo({ enabled: true, ttlMs: 1000, now: () => now });
    let loads = 0;
    await memo.get('k', async () => ++loads);
    now = 999;
    expect(await memo.get('k', async () => ++loads)).toBe(1);
    now = 1000;
    expect(await memo.get('k', async () => ++loads)).toBe(2);
  });

  it('does not remember a failed load, nor a load that finishes after a clear', async () => {
    const memo = createContentMemo({ enabled: true });
    await expect(
      memo.get('k', async () => {
        throw new Error('database away');
      }),
    ).rejects.toThrow('database away');
    expect(await memo.get('k', async () => 'back')).toBe('back');
    let finish!: (v: string) => void;
    const slow = memo.get(
      's',
      () =>
        new Promise<string>((ok) => {
          finish = ok;
        }),
    );
    memo.clear();
    finish('old');
    expect(await slow).toBe('old');
    expect(await memo.get('s', async () => 'new')).toBe('new');
  });

  it('holds at most maxEntries values, dropping the oldest first, and drops expired ones as it goes', async () => {
    let now = 0;
    const memo = createContentMemo({ enabled: true, ttlMs: 1000, maxEntries: 3, now: () => now });
    const loads: string[] = [];
    const get = (k: string) =>
      memo.get(k, async () => {
        loads.push(k);
        return k;
      });
    for (const k of ['a', 'b', 'c', 'd']) {
      await get(k);
      now += 10;
    }
    expect(memo.size()).toBe(3);
    // 'a' was the oldest: it is loaded again (dropping 'b'); 'c' and 'd' are still held.
    await get('c');
    await get('d');
    await get('a');
    expect(loads).toEqual(['a', 'b', 'c', 'd', 'a']);
    expect(memo.size()).toBe(3);
    // Past their time, values are dropped when the next one is stored, not only when read again.
    now += 1000;
    await get('e');
    expect(memo.size()).toBe(1);
    // Expired and loaded again, a value counts as new: the next one to go is the oldest still held.
    memo.clear();
    now = 0;
    await get('a');
    now = 500;
    await get('b');
    now = 600;
    await get('c');
    now = 1000;
    await get('a');
    now = 1010;
    await get('d');
    loads.length = 0;
    for (const k of ['a', 'c', 'd', 'b']) await get(k);
    expect(loads).toEqual(['b']);
    expect(memo.size()).toBe(3);
  });

  it('loads every time when disabled', async () => {
    const memo = createContentMemo({ enabled: false });
    let loads = 0;
    await memo.get('k', async () => ++loads);
    expect(await memo.get('k', async () => ++loads)).toBe(2);
  });
});

describe('content memo with weighed values', () => {
  it('keeps weighed values within its byte budget, the oldest dropped first, and counts what leaves', async () => {
    let now = 0;
    const memo = createContentMemo({ enabled: true, maxBytes: 250, ttlMs: 1000, now: () => now });
    let loads = 0;
    const heavy = (key: string) =>
      memo.get(
        key,
        async () => `${key}:${++loads}`,
        () => 100,
      );
    await heavy('a');
    await heavy('b');
    await memo.get('light', async () => 'x');
    await heavy('c');
    // a left to make room for c; b, c and the unweighed value stay.
    expect(memo.size()).toBe(3);
    expect(await heavy('b')).toBe('b:2');
    expect(await heavy('a')).toBe('a:4');
    // Expired values give their bytes back: after a minute, three fresh ones fit again with room for none more.
    now = 2000;
    await heavy('d');
    await heavy('e');
    expect(await heavy('d')).toBe('d:5');
    expect(await heavy('e')).toBe('e:6');
    expect(memo.size()).toBe(2);
  });
});
