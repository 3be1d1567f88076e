import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { makeArticle, makeAuthor } from '../../../test/factories.js';
import { extractArticle } from './dossier-service.js';
import { listFactsOfArticle } from './dossier-store.js';
import { STUB_BODY, stubExtractor } from './test-fixtures.js';

const NOW = new Date('2026-03-01T10:00:00Z');

describe.each(DIALECTS)('fact review on %s', (dialect) => {
  let app: TestApp;
  let articleId: number;
  let visitId: number;
  let meetingId: number;
  beforeEach(async () => {
    app = await testApp(dialect, { pageCache: false }, { clock: () => NOW });
    const db = app.ctx.db;
    const author = await makeAuthor(db, { slug: 'desk' });
    articleId = await makeArticle(db, {
      title: 'A visit to China',
      slug: 'visit',
      lead: '',
      bodyMd: STUB_BODY,
      authorIds: [author],
      publishedAt: new Date('2025-02-10T09:00:00Z'),
    });
    await extractArticle(db, articleId, { extract: stubExtractor(), now: NOW });
    const facts = await listFactsOfArticle(db, articleId);
    visitId = facts.find((f) => f.type === 'visit')!.id;
    meetingId = facts.find((f) => f.type === 'meeting')!.id;
  });
  afterEach(async () => {
    await app.close();
  });

  const post = (url: string, cookie: string, form: Record<string, string>) =>
    app.server.inject({
      method: 'POST',
      url,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(form).toString(),
    });
  const audit = () =>
    app.ctx.db.selectFrom('audit_log').select(['action', 'subject_id', 'detail']).where('action', 'like', 'fact.%').execute();

  it('shows editors the review queue with evidence, arguments and confidence', async () => {
    const { cookie } = await app.signIn('editor');
    const res = await app.server.inject({ method: 'GET', url: '/admin/facts', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`id="fact-${meetingId}"`);
    expect(res.body).not.toContain(`id="fact-${visitId}"`); // confident: not in the queue
    expect(res.body).toContain('He met Xi Jinping in Beijing.');
    expect(res.body).toContain('Sadyr Japarov (person:sadyr-japarov), Xi Jinping (person:xi-jinping)');
    expect(res.body).toContain('Confidence 0.40');
    const all = await app.server.inject({ method: 'GET', url: '/admin/facts?status=all&type=visit', headers: { cookie } });
    expect(all.body).toContain(`id="fact-${visitId}"`);
    expect(all.body).not.toContain(`id="fact-${meetingId}"`);
    expect(
      (await app.server.inject({ method: 'GET', url: '/admin/facts?status=bogus&article=abc&page=-1', headers: { cookie } })).statusCode,
    ).toBe(200);
  });

  it('keeps authors, moderators and strangers out', async () => {
    for (const role of ['author', 'moderator'] as const) {
      const { cookie, csrf } = await app.signIn(role);
      expect((await app.server.inject({ method: 'GET', url: '/admin/facts', headers: { cookie } })).statusCode).toBe(403);
      expect((await post(`/admin/facts/${meetingId}/reject`, cookie, { _csrf: csrf })).statusCode).toBe(403);
    }
    expect((await app.server.inject({ method: 'GET', url: '/admin/facts' })).statusCode).toBe(303);
    expect((await listFactsOfArticle(app.ctx.db, articleId)).find((f) => f.id === meetingId)!.status).toBe('review');
    expect(await audit()).toEqual([]);
  });

  it('refuses actions without a valid CSRF token', async () => {
    const { cookie } = await app.signIn('editor');
    expect((await post(`/admin/facts/${meetingId}/confirm`, cookie, { _csrf: 'forged' })).statusCode).toBe(403);
    expect((await post(`/admin/facts/${meetingId}/confirm`, cookie, {})).statusCode).toBe(403);
    expect((await listFactsOfArticle(app.ctx.db, articleId)).find((f) => f.id === meetingId)!.status).toBe('review');
  });

  it('confirms a fact: audited, shown on its dossier', async () => {
    const { cookie, csrf } = await app.signIn('editor');
    expect((await app.server.inject({ method: 'GET', url: '/dossiers/person/xi-jinping' })).body).not.toContain('held talks');
    const res = await post(`/admin/facts/${meetingId}/confirm`, cookie, { _csrf: csrf, back: '/admin/facts?status=review' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/facts?status=review&notice=confirmed');
    expect((await listFactsOfArticle(app.ctx.db, articleId)).find((f) => f.id === meetingId)!.status).toBe('confirmed');
    expect(await audit()).toEqual([expect.objectContaining({ action: 'fact.confirm', subject_id: String(meetingId) })]);
    const dossier = await app.server.inject({ method: 'GET', url: '/dossiers/person/xi-jinping' });
    expect(dossier.statusCode).toBe(200);
    expect(dossier.body).toContain('<a href="/dossiers/person/sadyr-japarov">Sadyr Japarov</a> and Xi Jinping met');
  });

  it('rejects a fact for good: it never returns after re-extraction', async () => {
    const { cookie, csrf } = await app.signIn('admin');
    const res = await post(`/admin/facts/${visitId}/reject`, cookie, { _csrf: csrf, back: 'https://evil.example/' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/facts?notice=rejected');
    expect(await audit()).toEqual([expect.objectContaining({ action: 'fact.reject', subject_id: String(visitId) })]);
    await extractArticle(app.ctx.db, articleId, { extract: stubExtractor({ confidence: 0.99 }), now: NOW });
    const after = await listFactsOfArticle(app.ctx.db, articleId);
    expect(after.filter((f) => f.type === 'visit')).toEqual([expect.objectContaining({ id: visitId, status: 'rejected' })]);
    const dossier = await app.server.inject({ method: 'GET', url: '/dossiers/country/cn' });
    expect(dossier.body).not.toContain('state visit');
  });

  it('corrects one argument: validated, audited, relinked, kept across re-extraction', async () => {
    const { cookie, csrf } = await app.signIn('editor');
    const bad = await post(`/admin/facts/${visitId}/correct`, cookie, {
      _csrf: csrf,
      arg: 'host',
      value: 'country:ZZ',
      back: '/admin/facts?status=all',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('No entity has the id country:ZZ.');
    expect(bad.body).toContain('value="country:ZZ"');
    expect((await post(`/admin/facts/${visitId}/correct`, cookie, { _csrf: csrf, arg: 'visitor', value: '' })).statusCode).toBe(422);
    expect((await post(`/admin/facts/${visitId}/correct`, cookie, { _csrf: csrf, arg: 'nonsense', value: 'x' })).statusCode).toBe(422);

    const ok = await post(`/admin/facts/${visitId}/correct`, cookie, {
      _csrf: csrf,
      arg: 'host',
      value: 'country:KG',
      back: '/admin/facts?status=all',
    });
    expect(ok.statusCode).toBe(303);
    const fact = (await listFactsOfArticle(app.ctx.db, articleId)).find((f) => f.id === visitId)!;
    expect(fact).toMatchObject({ status: 'corrected', args: { visitor: 'person:sadyr-japarov', host: 'country:KG', kind: 'state' } });
    expect(await audit()).toEqual([expect.objectContaining({ action: 'fact.correct', detail: 'visit.host: country:CN → country:KG' })]);
    // The links follow the correction: China's dossier loses the visit, Kyrgyzstan's shows it.
    const links = await app.ctx.db
      .selectFrom('fact_entities')
      .select('entity_id')
      .where('fact_id', '=', visitId)
      .orderBy('entity_id')
      .execute();
    expect(links.map((l) => l.entity_id)).toEqual(['country:KG', 'person:sadyr-japarov']);
    await extractArticle(app.ctx.db, articleId, { extract: stubExtractor(), now: NOW });
    expect((await listFactsOfArticle(app.ctx.db, articleId)).find((f) => f.id === visitId)).toMatchObject({
      status: 'corrected',
      args: { host: 'country:KG' },
    });
  });

  it('answers 404 for an unknown fact', async () => {
    const { cookie, csrf } = await app.signIn('editor');
    expect((await post('/admin/facts/999999/confirm', cookie, { _csrf: csrf })).statusCode).toBe(404);
    expect((await post('/admin/facts/abc/reject', cookie, { _csrf: csrf })).statusCode).toBe(404);
  });
});
