// Every form that creates something with a unique name, sent six times at once with the same name: one
// wins, the others are told it exists (409 or 422), never a 500. A check-then-insert that lost the race
// used to surface the database's unique-constraint error as a 500.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './app.js';
import { DIALECTS } from './db.js';
import { makeAuthor, makeRubric } from './factories.js';

const TIMES = 6;

describe.each(DIALECTS)('concurrent creating forms on %s', (dialect) => {
  let app: TestApp;
  beforeEach(async () => {
    app = await testApp(dialect);
  });
  afterEach(() => app.close());

  async function fire(url: string, fields: (i: number) => Record<string, string | string[]>, role: 'admin' | 'editor' = 'admin') {
    const who = await app.signIn(role);
    const results = await Promise.all(
      Array.from({ length: TIMES }, (_, i) =>
        app.server.inject({ method: 'POST', url, headers: { cookie: who.cookie }, payload: { _csrf: who.csrf, ...fields(i) } }),
      ),
    );
    return results.map((r) => r.statusCode).sort();
  }
  const oneWins = (codes: number[]) => {
    expect(codes.filter((c) => c >= 500)).toEqual([]);
    expect(codes.filter((c) => c === 303)).toHaveLength(1);
    for (const c of codes) expect([303, 409, 422]).toContain(c);
  };

  it('staff accounts', async () => {
    oneWins(
      await fire('/admin/staff', () => ({ email: 'same@example.org', name: 'Same', role: 'editor', password: 'a long enough secret' })),
    );
  });

  for (const path of ['rubrics', 'tags', 'authors'] as const) {
    it(path, async () => {
      const fields: Record<string, string> = (
        {
          rubrics: { name: 'Analysis', slug: 'analysis', description: '', position: '1' },
          tags: { name: 'Kyrgyzstan', slug: 'kyrgyzstan', type: 'country' },
          authors: { name: 'Sergey Saenko', slug: 'sergey-saenko', title: '', bio: '', photo_url: '', user_id: '' },
        } as Record<string, Record<string, string>>
      )[path];
      oneWins(await fire(`/admin/${path}/new`, () => fields, 'editor'));
    });
  }

  it('articles', async () => {
    const rubricId = await makeRubric(app.ctx.db, { slug: 'news' });
    const authorId = await makeAuthor(app.ctx.db, { slug: 'writer' });
    const codes = await fire(
      '/admin/articles/new',
      () => ({
        title: 'One title',
        slug: 'one-title',
        lead: '',
        body: 'Text.',
        language: 'en',
        rubric_id: String(rubricId),
        author_ids: [String(authorId)],
        tags: '',
        cover_url: '',
        cover_caption: '',
        cover_credit: '',
        comments_mode: 'on',
        action: 'draft',
      }),
      'editor',
    );
    oneWins(codes);
  });

  it('events', async () => {
    const codes = await fire(
      '/admin/events',
      () => ({
        title: 'Greater Eurasia Conference',
        slug: 'greater-eurasia',
        summary: 'Corridors.',
        programme: '',
        venue_name: '',
        venue_address: '',
        venue_city: 'Sochi',
        venue_country: 'RU',
        lat: '',
        lon: '',
        timezone: 'Europe/Moscow',
        start_kind: 'tba',
        start_date: '',
        start_datetime: '',
        end_kind: 'tba',
        end_date: '',
        end_datetime: '',
        online_url: '',
        language: 'en',
        status: 'draft',
        status_note: '',
        terms: '',
        articles: '',
      }),
      'editor',
    );
    oneWins(codes);
  });
});
