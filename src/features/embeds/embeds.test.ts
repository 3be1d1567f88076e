// Embeds: at save time the provider's oEmbed answer is fetched (here from a local fake provider, allowed
// through the outbound guard by name) and kept with a local copy of the thumbnail; the page shows a facade
// that asks the provider nothing until a click, and stays a link without JavaScript.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { makeAuthor } from '../../../test/factories.js';
import { guardedGet } from '../../platform/outbound.js';
import { createMediaLibrary } from '../media/media-library.js';
import { mediaStorageFor } from '../media/media-storage.js';
import { findMedia } from '../media/media-store.js';
import { insertRubric } from '../rubrics/rubric-store.js';
import { embedUrlsIn, type Provider, parseOEmbed, readPageMeta } from './embed.js';
import { createEmbedService } from './embed-service.js';
import { findEmbedsByUrls } from './embed-store.js';

let provider: Server;
let base: string;
const asked: string[] = [];
let thumb: Buffer;

beforeAll(async () => {
  thumb = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#224466' } })
    .jpeg()
    .toBuffer();
  provider = createServer((req, res) => {
    asked.push(req.url ?? '');
    const url = new URL(req.url ?? '/', base);
    const json = (o: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(o));
    };
    if (url.pathname === '/oembed') {
      if (!url.searchParams.get('url')?.startsWith(`${base}/watch`)) return res.writeHead(404).end();
      return json({
        type: 'video',
        version: '1.0',
        title: 'Ferries across the Caspian',
        provider_name: 'FakeTube',
        author_name: 'Desk Video',
        thumbnail_url: `${base}/thumb.jpg`,
        html: '<iframe src="https://evil.example/"></iframe>',
      });
    }
    if (url.pathname === '/other-oembed') return json({ type: 'rich', title: 'A chart of grain exports', provider_name: 'ChartHost' });
    if (url.pathname === '/thumb.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      return res.end(thumb);
    }
    if (url.pathname === '/charts/7') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(`<html><head><link rel="alternate" type="application/json+oembed" href="/other-oembed?url=x"></head></html>`);
    }
    if (url.pathname === '/gram/eurasia_desk/5') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(
        `<html><head><meta property="og:title" content="Eurasia Desk &amp; friends"><meta property="og:site_name" content="FakeGram"></head></html>`,
      );
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => provider.close(() => resolve())));

const providers = (): Provider[] => [
  {
    name: 'FakeTube',
    match: [new RegExp(`^${base.replace(/[.]/g, '\\.')}/watch\\?v=`)],
    endpoint: `${base}/oembed`,
    frame: (u) => `https://www.youtube-nocookie.com/embed/${u.searchParams.get('v')}?autoplay=1`,
  },
  { name: 'FakeGram', match: [new RegExp(`^${base.replace(/[.]/g, '\\.')}/gram/`)] },
];

describe('embed addresses and answers', () => {
  it('takes an address alone in its paragraph, never one in a sentence, a list or code', () => {
    const md = [
      'Intro.',
      '',
      'https://youtu.be/abcdefgh',
      '',
      'See https://vimeo.com/1 here.',
      '',
      '- https://vimeo.com/2',
      '',
      '```',
      '',
      'https://vimeo.com/3',
      '',
      '```',
      '',
      'https://t.me/eurasia_desk/5',
    ].join('\n');
    expect(embedUrlsIn(md)).toEqual(['https://youtu.be/abcdefgh', 'https://t.me/eurasia_desk/5']);
  });

  it('keeps only the fields it knows of an oEmbed answer, and reads a page’s link or og: tags', () => {
    expect(parseOEmbed('{"type":"video","title":" A  film ","thumbnail_url":"javascript:x","html":"<script>"}')).toEqual({
      title: 'A film',
      provider: '',
      author: '',
      thumbnailUrl: '',
    });
    expect(parseOEmbed('not json')).toBeUndefined();
    expect(parseOEmbed('{"title":"no type"}')).toBeUndefined();
    const meta = readPageMeta(
      '<link type="application/json+oembed" href="/o?u=1&amp;f=json"><meta property="og:title" content="T">',
      'https://a.example/p',
    );
    expect(meta.oembedUrl).toBe('https://a.example/o?u=1&f=json');
    expect(meta.og.title).toBe('T');
  });
});

describe.each(DIALECTS)('embeds in articles on %s', (dialect) => {
  let app: TestApp;
  let authorId: number;
  let rubricId: number;
  beforeEach(async () => {
    app = await testApp(dialect);
    authorId = await makeAuthor(app.ctx.db, { slug: 'marina-orlova', name: 'Marina Orlova' });
    rubricId = await insertRubric(app.ctx.db, { slug: 'video', name: 'Video', description: '', position: 1 });
    asked.length = 0;
  });
  afterEach(() => app.close());

  const useProviders = (allowedHosts: string[]) => {
    const service = createEmbedService({
      db: app.ctx.db,
      clock: app.ctx.clock,
      library: createMediaLibrary({ db: app.ctx.db, storage: mediaStorageFor(app.ctx.config), clock: app.ctx.clock }),
      get: guardedGet(allowedHosts),
      providers: providers(),
    });
    app.ctx.resolveEmbeds = (md) => service.resolve(md);
  };
  const save = async (body: string, slug = 'caspian-ferries') => {
    const ed = await app.signIn('editor');
    return app.server.inject({
      method: 'POST',
      url: '/admin/articles/new',
      headers: { cookie: ed.cookie },
      payload: {
        _csrf: ed.csrf,
        title: 'Ferries on the Caspian',
        slug,
        lead: 'A crossing.',
        body,
        language: 'en',
        rubric_id: String(rubricId),
        author_ids: [String(authorId)],
        tags: '',
        cover_url: '',
        cover_caption: '',
        cover_credit: '',
        comments_mode: 'on',
        action: 'publish',
      },
    });
  };

  it('fetches the answer once at save time, copies the thumbnail, and shows a facade that loads nothing', async () => {
    useProviders(['127.0.0.1']);
    const video = `${base}/watch?v=ferry123`;
    const body = `The crossing.\n\n${video}\n\nA post:\n\n${base}/gram/eurasia_desk/5\n\nA chart:\n\n${base}/charts/7\n\nSee ${base}/watch?v=inline1 in a sentence.`;
    expect((await save(body)).statusCode).toBe(303);
    expect(asked.filter((u) => u.startsWith('/oembed'))).toHaveLength(1);
    const [stored] = await findEmbedsByUrls(app.ctx.db, [video]);
    expect(stored).toMatchObject({
      provider: 'FakeTube',
      title: 'Ferries across the Caspian',
      author: 'Desk Video',
      frameSrc: 'https://www.youtube-nocookie.com/embed/ferry123?autoplay=1',
    });
    const copy = (await findMedia(app.ctx.db, stored.thumbnailId!))!;
    expect(copy).toMatchObject({ width: 640, height: 360, alt: 'Ferries across the Caspian' });

    const page = await app.server.inject({ method: 'GET', url: '/articles/caspian-ferries' });
    expect(page.statusCode).toBe(200);
    const facade = /<figure class="embed" data-embed-frame="([^"]+)"[^>]*>([\s\S]*?)<\/figure>/.exec(page.body)!;
    expect(facade[1]).toBe('https://www.youtube-nocookie.com/embed/ferry123?autoplay=1');
    // Without a script the facade is a link to the provider; its thumbnail is our own copy.
    expect(facade[2]).toContain(`<a class="embed-facade" href="${video.replace('&', '&amp;')}"`);
    expect(facade[2]).toContain(`/media/${copy.id}/v1/640.avif 640w`);
    expect(facade[2]).toContain('Play on this page');
    expect(facade[2]).toContain('FakeTube · by Desk Video');
    expect(page.body.match(/\/assets\/js\/embed\.js/g)).toHaveLength(1);
    // Nothing on the page is loaded from the provider: it is only linked.
    expect(page.body).not.toMatch(new RegExp(`(?:src|srcset)="${base}`));
    expect(page.body).not.toContain('evil.example');
    // A provider whose player cannot be framed opens in a new tab.
    expect(page.body).toMatch(/<figure class="embed" data-embed-title="Eurasia Desk &amp; friends">[\s\S]*?Open on FakeGram/);
    // Another site naming its oEmbed answer in a <link>.
    expect(page.body).toContain('A chart of grain exports');
    // An address inside a sentence stays a link.
    expect(page.body).toContain(`See <a href="${base}/watch?v=inline1">`);
    expect(page.headers['content-security-policy']).toContain('frame-src https://www.youtube-nocookie.com https://player.vimeo.com');

    // Saved again, the stored answer is used: the provider is not asked twice.
    const before = asked.length;
    expect((await save(body, 'caspian-ferries-2')).statusCode).toBe(303);
    expect(asked.length).toBe(before);
  });

  it('asks no private address unless allowed: the article is saved and the address stays a link', async () => {
    useProviders([]);
    const video = `${base}/watch?v=ferry123`;
    expect((await save(`Text.\n\n${video}`)).statusCode).toBe(303);
    expect(asked).toEqual([]);
    expect(await findEmbedsByUrls(app.ctx.db, [video])).toEqual([]);
    const page = await app.server.inject({ method: 'GET', url: '/articles/caspian-ferries' });
    expect(page.body).toContain(`<p><a href="${video}">${video}</a></p>`);
    expect(page.body).not.toContain('class="embed"');
  });
});
