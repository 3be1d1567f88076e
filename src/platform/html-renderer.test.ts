// The server's renderer writes what preact-render-to-string writes: element by element on the cases a view may
// use, and page by page over the demo newsroom (every link a reader, an admin or a signed-in reader follows).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Fragment, h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { renderVNode } from './html-renderer.js';

// Every rendering the app makes in this file is made both ways; the pairs that differ are kept here.
const differing: { ours: string; reference: string }[] = [];
let rendered = 0;
vi.mock('./html-renderer.js', async (load) => {
  const real = await load<typeof import('./html-renderer.js')>();
  const { renderToString: reference } = await import('preact-render-to-string');
  return {
    ...real,
    renderVNode(view: unknown) {
      const ours = real.renderVNode(view);
      const theirs = reference(view as VNode);
      rendered++;
      if (ours !== theirs) differing.push({ ours, reference: theirs });
      return ours;
    },
  };
});

const same = (view: unknown) => expect(renderVNode(view)).toBe(renderToString(view as VNode));

describe('rendering an element as preact-render-to-string does', () => {
  it('escapes text and attribute values, and writes numbers as they are', () => {
    same(h('p', { title: 'a "b" & <c> \'d\'' }, 'x < y & "z" > w', 3, 0, 2.5));
    same(h('p', null, ''));
    same(h('p', null, [null, undefined, true, false, 'kept', [['deep', 7]]]));
  });

  it('writes attribute names and values as HTML spells them', () => {
    same(h('label', { htmlFor: 'x', className: 'c' }, 'L'));
    same(h('label', { for: 'x', htmlFor: 'y', class: 'a', className: 'b' }));
    same(h('input', { type: 'checkbox', checked: true, disabled: false, required: '', value: 'v', maxLength: 5, readOnly: true }));
    same(h('input', { defaultValue: 'd', defaultChecked: true, autoComplete: 'off', tabIndex: -1, inputMode: 'numeric' }));
    same(h('time', { dateTime: '2026-01-01', 'aria-hidden': false, 'aria-current': true, 'data-x': true, 'data-y': 0 }));
    same(h('div', { draggable: false, spellcheck: true, hidden: true, onClick: () => 1, key: 'k', ref: null }));
    same(h('div', { 'bad name': 1, 'a"b': 2, ok: 3, nothing: null, undef: undefined }));
    same(h('meta', { httpEquiv: 'refresh', content: '0' }));
    same(h('form', { acceptCharset: 'utf-8', encType: 'multipart/form-data', noValidate: true }));
    same(h('div', { style: { marginTop: 4, lineHeight: 1.5, '--gap': 2, color: '', zIndex: 3 } }));
    same(h('div', { style: {} }));
    same(h('div', { style: 'color: red' }));
  });

  it('writes void elements closed, and values where their elements keep them', () => {
    same(h('br', null));
    same(h('img', { src: '/a.png', alt: '' }));
    same(h('textarea', { value: 'a < b' }));
    same(h('textarea', { name: 'body' }, 'kept'));
    same(
      h(
        'select',
        { value: 'b' },
        h('option', { value: 'a' }, 'A'),
        h('option', { value: 'b' }, 'B'),
        h('option', { value: 'b', selected: false }, 'C'),
      ),
    );
    same(h('div', { dangerouslySetInnerHTML: { __html: '<b>raw</b>' } }));
    same(h('div', { dangerouslySetInnerHTML: { __html: '' } }, 'children instead'));
  });

  it('writes SVG attribute names in their own spelling', () => {
    same(
      h(
        'svg',
        { viewBox: '0 0 10 10', xmlnsXlink: 'http://www.w3.org/1999/xlink' },
        h('path', { d: 'M0 0', strokeWidth: 2, fillOpacity: 0.5, strokeLinecap: 'round' }),
        h('use', { xlinkHref: '#a' }),
        h('text', { textAnchor: 'end', dominantBaseline: 'middle', 'aria-label': 'x' }, 'T'),
        h('foreignObject', null, h('div', { tabIndex: 0 })),
      ),
    );
  });

  it('renders components, fragments and what they return', () => {
    const Item = ({ n }: { n: number }) => h('li', null, `#${n}`);
    const Pair = () => h(Fragment, null, h('b', null, 1), h('i', null, 2));
    const Nothing = () => null;
    const Text = () => 'a & b';
    same(
      h(
        'ul',
        null,
        [1, 2].map((n) => h(Item, { n })),
        h(Pair, null),
        h(Nothing, null),
        h(Text, null),
        h(Fragment, null, 'x', h(Fragment, null, 'y')),
      ),
    );
    same(h(Fragment, null, h(Fragment, { key: 'k' }, 'keyed'), h(Pair, null)));
  });

  it('renders nothing for what is not an element', () => {
    same(h('div', null, { not: 'an element' } as unknown as string, (() => 1) as unknown as string));
    expect(renderVNode(() => 1)).toBe('');
    expect(renderVNode({ type: 'div', props: {} })).toBe('');
  });

  it('refuses an unsafe tag name', () => {
    expect(() => renderVNode(h('a b', null))).toThrow('not a valid HTML tag name');
  });
});

describe('the demo newsroom, rendered both ways', () => {
  type Started = Awaited<ReturnType<typeof import('../../test/app.js').testApp>>;
  let app: Started;

  beforeAll(async () => {
    const { testApp } = await import('../../test/app.js');
    const { loadDemo } = await import('../features/demo/demo-loader.js');
    const { extractAll } = await import('../features/dossiers/dossier-service.js');
    app = await testApp('sqlite');
    await loadDemo({
      db: app.ctx.db,
      clock: () => new Date(),
      config: { adminEmail: 'admin@example.org', adminPassword: 'chancery-demo' },
    });
    await extractAll(app.ctx.db);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });

  /** Follows every same-site link from the starting pages, up to `limit` pages; returns how many answered 200. */
  async function crawl(starts: string[], cookie: string | undefined, limit: number): Promise<number> {
    const seen = new Set<string>(starts);
    const queue = [...starts];
    let ok = 0;
    while (queue.length && seen.size <= limit) {
      const url = queue.shift()!;
      const res = await app.server.inject({ url, headers: cookie ? { cookie } : {} });
      if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/html')) continue;
      ok++;
      for (const m of res.body.matchAll(/href="(\/[^"#]*)/g)) {
        const link = m[1].replace(/&amp;/g, '&');
        if (link.startsWith('/assets/') || /\.(xml|ics|json|txt|csv)(\?|$)/.test(link) || /logout|sign-out|unsubscribe/.test(link))
          continue;
        if (!seen.has(link)) {
          seen.add(link);
          queue.push(link);
        }
      }
    }
    return ok;
  }

  it('gives the same bytes on every page a reader reaches, in each edition', async () => {
    const before = rendered;
    const pages = await crawl(['/', '/ru/', '/zh/', '/events', '/search?q=railway', '/dossiers'], undefined, 400);
    expect(pages).toBeGreaterThan(100);
    expect(rendered - before).toBeGreaterThanOrEqual(pages);
    expect(differing.slice(0, 1)).toEqual([]);
  }, 120_000);

  it('gives the same bytes on the pages a signed-in reader and an admin see', async () => {
    const reader = await app.signIn('reader');
    const admin = await app.signIn('admin');
    const before = rendered;
    const pages = (await crawl(['/', '/account'], reader.cookie, 120)) + (await crawl(['/admin'], admin.cookie, 300));
    expect(pages).toBeGreaterThan(100);
    expect(rendered - before).toBeGreaterThanOrEqual(pages);
    expect(differing.slice(0, 1)).toEqual([]);
  }, 180_000);
});
