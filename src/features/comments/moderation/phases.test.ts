// Each moderation phase on its own, the word matcher (Russian and English forms, disguises) and the pipeline order.
import { describe, expect, it } from 'vitest';
import { accountPhase } from './account-phase.js';
import { duplicatePhase } from './duplicate-phase.js';
import { lengthPhase } from './length-phase.js';
import { linksPhase } from './links-phase.js';
import { newCommenterPhase } from './new-commenter-phase.js';
import { premoderationPhase } from './premoderation-phase.js';
import { ratePhase } from './rate-phase.js';
import { wordsPhase } from './words-phase.js';
import { compileWordList, normalizeWord } from './words.js';
import { defaultPhases, moderate } from './pipeline.js';
import { DEFAULT_SETTINGS, type ModerationInput } from './phase.js';

const NOW = new Date('2026-03-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

type Over = Omit<Partial<ModerationInput>, 'settings' | 'author' | 'article'> & {
  settings?: Partial<ModerationInput['settings']>;
  author?: Partial<ModerationInput['author']>;
  article?: ModerationInput['article'];
};

function input(over: Over = {}): ModerationInput {
  return {
    body: 'A fair point about the Rogun dam.',
    now: NOW,
    recent: [],
    ...over,
    author: { id: 7, name: 'Anna', role: 'reader', createdAt: '2026-01-01T00:00:00Z', approvedCount: 3, ...over.author },
    article: { id: 1, slug: 'a', title: 'A', premoderate: false, ...over.article },
    settings: { ...DEFAULT_SETTINGS, ...over.settings },
  };
}

describe('account phase', () => {
  it('refuses banned accounts and suspended ones until the suspension ends', () => {
    expect(accountPhase.run(input())).toBeUndefined();
    expect(accountPhase.run(input({ author: { ban: { until: null, reason: '' } } }))).toMatchObject({
      action: 'reject',
      store: false,
      reason: { key: 'comments.reason.banned' },
    });
    expect(accountPhase.run(input({ author: { ban: { until: '2026-03-02T00:00:00.000Z', reason: '' } } }))).toMatchObject({
      action: 'reject',
      reason: { key: 'comments.reason.suspended' },
    });
    expect(accountPhase.run(input({ author: { ban: { until: '2026-02-01T00:00:00.000Z', reason: '' } } }))).toBeUndefined();
  });
});

describe('length phase', () => {
  it('refuses empty and over-long comments, counting characters not UTF-16 units', () => {
    expect(lengthPhase.run(input({ body: '   ' }))).toMatchObject({ action: 'reject', reason: { key: 'comments.reason.empty' } });
    expect(lengthPhase.run(input({ body: 'x'.repeat(5001) }))).toMatchObject({
      action: 'reject',
      reason: { key: 'comments.reason.too_long' },
    });
    expect(lengthPhase.run(input({ body: '😀'.repeat(5000) }))).toBeUndefined();
  });
});

describe('word lists', () => {
  const m = compileWordList(['идиот', 'дурак', 'fool', 'scam artist']);
  it('matches Russian word forms', () => {
    for (const w of ['идиот', 'идиоты', 'идиотов', 'идиотами', 'Идиоту', 'дураки', 'дураков']) expect(m.find(`Вы ${w}!`), w).toBeDefined();
  });
  it('matches English plurals and verb forms', () => {
    for (const w of ['fool', 'fools', 'fooled', 'fooling', 'FOOLS']) expect(m.find(`what ${w}`), w).toBeDefined();
  });
  it('sees through repeated letters, digits for letters, Latin look-alikes, ё and diacritics', () => {
    for (const w of ['иииидиоооот', 'fooool', 'f00l', 'идиoт' /* Latin o */, 'fóól']) expect(m.find(w), w).toBeDefined();
    expect(normalizeWord('Ёлка')).toBe('елка');
    expect(normalizeWord('йод')).toBe('йод');
    expect(compileWordList(['елка']).find('ёлки')).toBeDefined();
  });
  it('matches phrases and leaves innocent words alone', () => {
    expect(m.find('a Scam Artists ring')).toBe('scam artist');
    for (const w of ['foolproof plan', 'идиома', 'scam', 'дуракаваляние нет']) expect(m.find(w), w).toBeUndefined();
  });
  it('phase: banned words reject, suspect words hold', () => {
    const s = { bannedWords: ['идиот'], suspectWords: ['scam'] };
    expect(wordsPhase.run(input({ body: 'Все идиоты', settings: s }))).toMatchObject({
      action: 'reject',
      reason: { key: 'comments.reason.banned_word' },
    });
    expect(wordsPhase.run(input({ body: 'Total scams', settings: s }))).toMatchObject({ action: 'hold' });
    expect(wordsPhase.run(input({ body: 'Fine', settings: s }))).toBeUndefined();
  });
});

describe('links phase', () => {
  it('holds more than the allowed number of links (two by default)', () => {
    expect(linksPhase.run(input({ body: 'https://a.org https://b.org' }))).toBeUndefined();
    expect(linksPhase.run(input({ body: 'https://a.org https://b.org www.c.org' }))).toMatchObject({
      action: 'hold',
      reason: { key: 'comments.reason.links' },
    });
  });
});

describe('duplicate phase', () => {
  it('refuses the same text from the same account within 24 hours, not older, not on edit', () => {
    const recent = [{ id: 1, body: 'Same  TEXT', createdAt: ago(3600_000) }];
    expect(duplicatePhase.run(input({ body: 'same text', recent }))).toMatchObject({ action: 'reject', store: false });
    expect(duplicatePhase.run(input({ body: 'same text', recent: [{ ...recent[0], createdAt: ago(25 * 3600_000) }] }))).toBeUndefined();
    expect(duplicatePhase.run(input({ body: 'same text', recent, editingId: 2 }))).toBeUndefined();
  });
});

describe('rate phase', () => {
  it('one comment per 3 seconds', () => {
    expect(ratePhase.run(input({ recent: [{ id: 1, body: 'x', createdAt: ago(2999) }] }))).toMatchObject({
      action: 'reject',
      reason: { key: 'comments.reason.too_fast', vars: { seconds: 3 } },
    });
    expect(ratePhase.run(input({ recent: [{ id: 1, body: 'x', createdAt: ago(3000) }] }))).toBeUndefined();
  });
  it('30 per hour', () => {
    const recent = Array.from({ length: 30 }, (_, i) => ({ id: i, body: `x${i}`, createdAt: ago(10_000 + i * 60_000) }));
    expect(ratePhase.run(input({ recent }))).toMatchObject({
      action: 'reject',
      reason: { key: 'comments.reason.too_many', vars: { max: 30 } },
    });
    expect(ratePhase.run(input({ recent: recent.slice(0, 29) }))).toBeUndefined();
    expect(ratePhase.run(input({ recent: recent.map((r) => ({ ...r, createdAt: ago(3600_000 + 1) })) }))).toBeUndefined();
  });
});

describe('pre-moderation phases', () => {
  it('holds new commenters until N approved comments; staff are trusted; 0 turns it off', () => {
    expect(newCommenterPhase.run(input({ settings: { premoderateNew: 1 }, author: { approvedCount: 0 } }))).toMatchObject({
      action: 'hold',
    });
    expect(newCommenterPhase.run(input({ settings: { premoderateNew: 1 }, author: { approvedCount: 1 } }))).toBeUndefined();
    expect(newCommenterPhase.run(input({ settings: { premoderateNew: 0 }, author: { approvedCount: 0 } }))).toBeUndefined();
    expect(
      newCommenterPhase.run(input({ settings: { premoderateNew: 5 }, author: { approvedCount: 0, role: 'moderator' } })),
    ).toBeUndefined();
  });
  it('holds everything site-wide or on one article', () => {
    expect(premoderationPhase.run(input({ settings: { premoderateAll: true } }))).toMatchObject({ action: 'hold' });
    expect(premoderationPhase.run(input({ article: { id: 1, slug: 'a', title: 'A', premoderate: true } }))).toMatchObject({
      action: 'hold',
    });
    expect(premoderationPhase.run(input())).toBeUndefined();
  });
});

describe('pipeline', () => {
  it('approves a clean comment', async () => {
    expect((await moderate(input(), defaultPhases())).action).toBe('approve');
  });
  it('a later rejection wins over an earlier hold; the first hold is the reason otherwise', async () => {
    const v = await moderate(
      input({
        body: 'scam https://a.org https://b.org https://c.org',
        settings: { suspectWords: ['scam'] },
        recent: [{ id: 1, body: 'x', createdAt: ago(100) }],
      }),
      defaultPhases(),
    );
    expect(v).toMatchObject({ action: 'reject', phase: 'rate' });
    const held = await moderate(
      input({ body: 'scam https://a.org https://b.org https://c.org', settings: { suspectWords: ['scam'] } }),
      defaultPhases(),
    );
    expect(held).toMatchObject({ action: 'hold', phase: 'words' });
  });
  it('runs the phases in the documented order', () => {
    expect(defaultPhases().map((p) => p.name)).toEqual([
      'account',
      'length',
      'words',
      'links',
      'duplicate',
      'rate',
      'new-commenter',
      'premoderation',
      'webhook',
    ]);
  });
});
