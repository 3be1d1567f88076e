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

  it('keeps a value no longer than its time to live, so other instances\' changes arrive', async () => {
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
    await expect(memo.get('k', async () => { throw new Error('database away'); })).rejects.toThrow('database away');
    expect(await memo.get('k', async () => 'back')).toBe('back');
    let finish!: (v: string) => void;
    const slow = memo.get('s', () => new Promise<string>((ok) => { finish = ok; }));
    memo.clear();
    finish('old');
    expect(await slow).toBe('old');
    expect(await memo.get('s', async () => 'new')).toBe('new');
  });

  it('loads every time when disabled', async () => {
    const memo = createContentMemo({ enabled: false });
    let loads = 0;
    await memo.get('k', async () => ++loads);
    expect(await memo.get('k', async () => ++loads)).toBe(2);
  });
});
