import { describe, expect, it } from 'vitest';
import { renderAtom } from './atom.js';
import { buildFeed, type FeedSource } from './feed.js';
import { renderJsonFeed } from './json-feed.js';
import { renderRss } from './rss.js';
import { articlePageCount, needsIndex, renderRobots, renderSitemapIndex, renderUrlSet } from './sitemap.js';
import { child, children, parseStrictXml, textOf } from './test-xml.js';
import { el, escapeXml, xmlDocument } from './xml.js';

const HOSTILE = 'Tom & Jerry <script>alert(1)</script> ]]> "quoted" \'single\'\u0000\u0001\u000b\u001f\ttab\nline';
const HOSTILE_CLEAN = 'Tom & Jerry <script>alert(1)</script> ]]> "quoted" \'single\'\ttab\nline';

const article = (over: Partial<FeedSource> = {}): FeedSource => ({
  slug: 'railway-deal',
  title: 'Bishkek and Beijing sign a railway deal',
  lead: 'The line runs through the Torugart pass.',
  bodyHtml: '<p>The <strong>railway</strong> is 280 km long.</p>',
  language: 'en',
  publishedAt: '2026-02-01T10:00:00.000Z',
  updatedAt: '2026-02-03T08:30:00.000Z',
  rubric: { slug: 'analysis', name: 'Analysis' },
  authors: [
    { slug: 'anna', name: 'Anna Petrova' },
    { slug: 'boris', name: 'Boris Lee' },
  ],
  tags: [
    { slug: 'china', name: 'China' },
    { slug: 'kyrgyzstan', name: 'Kyrgyzstan' },
  ],
  ...over,
});

const spec = {
  baseUrl: 'https://news.example',
  title: 'Eurasian Desk',
  description: 'Foreign affairs',
  path: '',
  language: 'en',
  publisherName: 'Eurasian Desk',
  generatedAt: new Date('2026-03-01T00:00:00Z'),
};

describe('strict XML test parser', () => {
  it.each([
    ['<a><b></a>', 'closes'],
    ['<a>&</a>', 'bare &'],
    ['<a>&nbsp;</a>', 'unknown entity'],
    ['<a/><b/>', 'after the root'],
    ['<a>\u0001</a>', 'forbidden character'],
    ['<a x="<"/>', '< in attribute'],
    ['<a>]]></a>', ']]>'],
    ['<a>', 'unclosed'],
    ['<a x="1" x="2"/>', 'duplicate'],
    ['<a>&#1;</a>', 'forbidden character reference'],
  ])('rejects %j', (doc, msg) => {
    expect(() => parseStrictXml(doc)).toThrow(msg);
  });
  it('accepts and decodes a good document', () => {
    const root = parseStrictXml('<?xml version="1.0"?>\n<a x="&lt;&amp;">t&#233;xt<b/><![CDATA[<raw>]]></a>\n');
    expect(root.attrs.x).toBe('<&');
    expect(textOf(root)).toBe('téxt<raw>');
  });
});

describe('XML writer', () => {
  it('escapes markup and drops forbidden characters but keeps tab and newline', () => {
    expect(escapeXml(HOSTILE)).toBe(
      'Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &quot;quoted&quot; &apos;single&apos;\ttab\nline',
    );
    expect(escapeXml('a\uD800b\uFFFEc😀')).toBe('abc😀');
  });
  it('nests elements and escapes attributes', () => {
    const doc = xmlDocument(el('root', { href: 'a?b=1&c="2"' }, el('t', {}, HOSTILE), el('empty')));
    const root = parseStrictXml(doc);
    expect(root.attrs.href).toBe('a?b=1&c="2"');
    expect(textOf(child(root, 't'))).toBe(HOSTILE_CLEAN);
    expect(children(root, 'empty')).toHaveLength(1);
  });
  it('refuses names that would break the document', () => {
    expect(() => el('a b')).toThrow();
    expect(() => el('a', { 'x"': '1' })).toThrow();
  });
});

describe('feed builders', () => {
  const feed = buildFeed(spec, [
    article({
      slug: 'newer',
      title: HOSTILE,
      lead: HOSTILE,
      bodyHtml: '<p>a ]]> b &amp; c</p>',
      publishedAt: '2026-02-10T00:00:00.000Z',
      updatedAt: '2026-02-01T00:00:00.000Z',
    }),
    article(),
  ]);

  it('builds absolute links, keeps order and takes the newest change as the feed date', () => {
    expect(feed.items.map((i) => i.url)).toEqual(['https://news.example/articles/newer', 'https://news.example/articles/railway-deal']);
    // Saved before it went out: updated is never earlier than published.
    expect(feed.items[0].updated.toISOString()).toBe('2026-02-10T00:00:00.000Z');
    expect(feed.updated?.toISOString()).toBe('2026-02-10T00:00:00.000Z');
    expect(feed.homeUrl).toBe('https://news.example/');
    expect(feed.urls.atom).toBe('https://news.example/atom.xml');
    expect(buildFeed({ ...spec, path: '/rubric/analysis' }, []).urls.rss).toBe('https://news.example/rubric/analysis/feed.xml');
  });

  it("links an edition's feeds to that edition's pages: its home with the closing slash", () => {
    const addresses = { editionBase: '/en', prefixedArticles: true };
    const site = buildFeed({ ...spec, path: '/en', addresses }, []);
    expect(site.homeUrl).toBe('https://news.example/en/');
    expect(site.urls.rss).toBe('https://news.example/en/feed.xml');
    const rubric = buildFeed({ ...spec, path: '/en/rubric/analysis', addresses }, []);
    expect(rubric.homeUrl).toBe('https://news.example/en/rubric/analysis');
  });

  it('renders RSS 2.0 with every author, categories, summary and full content', () => {
    const rss = parseStrictXml(renderRss(feed));
    expect(rss.name).toBe('rss');
    const channel = child(rss, 'channel');
    const items = children(channel, 'item');
    expect(items).toHaveLength(2);
    expect(textOf(child(items[0], 'title'))).toBe(HOSTILE_CLEAN);
    expect(textOf(child(items[0], 'content:encoded'))).toBe('<p>a ]]> b &amp; c</p>');
    expect(children(items[1], 'dc:creator').map(textOf)).toEqual(['Anna Petrova', 'Boris Lee']);
    expect(children(items[1], 'category').map(textOf)).toEqual(['Analysis', 'China', 'Kyrgyzstan']);
    expect(textOf(child(items[1], 'guid'))).toBe('https://news.example/articles/railway-deal');
    expect(textOf(child(items[1], 'pubDate'))).toBe('Sun, 01 Feb 2026 10:00:00 GMT');
    expect(textOf(child(items[1], 'atom:updated'))).toBe('2026-02-03T08:30:00.000Z');
    expect(child(channel, 'atom:link').attrs.href).toBe('https://news.example/feed.xml');
  });

  it('renders Atom 1.0 with an author element per author', () => {
    const atom = parseStrictXml(renderAtom(feed));
    expect(atom.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
    const entries = children(atom, 'entry');
    expect(textOf(child(entries[0], 'title'))).toBe(HOSTILE_CLEAN);
    expect(textOf(child(entries[0], 'content'))).toBe('<p>a ]]> b &amp; c</p>');
    expect(children(entries[1], 'author').map((a) => textOf(child(a, 'name')))).toEqual(['Anna Petrova', 'Boris Lee']);
    expect(children(entries[1], 'author').map((a) => textOf(child(a, 'uri')))).toEqual([
      'https://news.example/authors/anna',
      'https://news.example/authors/boris',
    ]);
    expect(child(entries[1], 'link').attrs.href).toBe('https://news.example/articles/railway-deal');
    expect(textOf(child(entries[1], 'published'))).toBe('2026-02-01T10:00:00.000Z');
    expect(textOf(child(entries[1], 'updated'))).toBe('2026-02-03T08:30:00.000Z');
    expect(children(entries[1], 'category').map((c) => c.attrs.term)).toEqual(['analysis', 'china', 'kyrgyzstan']);
    expect(textOf(child(atom, 'updated'))).toBe('2026-02-10T00:00:00.000Z');
  });

  it('renders JSON Feed 1.1', () => {
    const json = JSON.parse(renderJsonFeed(feed));
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.feed_url).toBe('https://news.example/feed.json');
    expect(json.items[0].title).toBe(HOSTILE_CLEAN);
    expect(json.items[1].authors).toEqual([
      { name: 'Anna Petrova', url: 'https://news.example/authors/anna' },
      { name: 'Boris Lee', url: 'https://news.example/authors/boris' },
    ]);
    expect(json.items[1].tags).toEqual(['Analysis', 'China', 'Kyrgyzstan']);
    expect(json.items[1].date_modified).toBe('2026-02-03T08:30:00.000Z');
    expect(json.items[1].content_html).toContain('<strong>railway</strong>');
  });

  it('renders a valid empty feed in every format', () => {
    const empty = buildFeed(spec, []);
    expect(children(child(parseStrictXml(renderRss(empty)), 'channel'), 'item')).toHaveLength(0);
    expect(textOf(child(parseStrictXml(renderAtom(empty)), 'updated'))).toBe('2026-03-01T00:00:00.000Z');
    expect(JSON.parse(renderJsonFeed(empty)).items).toEqual([]);
  });
});

describe('sitemaps and robots.txt', () => {
  it('decides on an index only when the URLs overflow one file', () => {
    expect(needsIndex(10, 90, 100)).toBe(false);
    expect(needsIndex(10, 91, 100)).toBe(true);
    expect(articlePageCount(0, 100)).toBe(1);
    expect(articlePageCount(100, 100)).toBe(1);
    expect(articlePageCount(101, 100)).toBe(2);
  });
  it('renders url sets and indexes', () => {
    const set = parseStrictXml(renderUrlSet([{ loc: 'https://x/a?b=1&c=2', lastmod: '2026-01-01T00:00:00.000Z' }, { loc: 'https://x/' }]));
    expect(set.name).toBe('urlset');
    expect(children(set, 'url').map((u) => textOf(child(u, 'loc')))).toEqual(['https://x/a?b=1&c=2', 'https://x/']);
    expect(children(children(set, 'url')[1], 'lastmod')).toHaveLength(0);
    const index = parseStrictXml(renderSitemapIndex([{ loc: 'https://x/sitemap-pages.xml' }]));
    expect(index.name).toBe('sitemapindex');
    expect(textOf(child(child(index, 'sitemap'), 'loc'))).toBe('https://x/sitemap-pages.xml');
  });
  it('writes robots.txt', () => {
    expect(renderRobots('https://x').split('\n')).toEqual([
      'User-agent: *',
      'Allow: /',
      'Disallow: /admin',
      'Disallow: /search?',
      '',
      'Sitemap: https://x/sitemap.xml',
      '',
    ]);
  });
});
