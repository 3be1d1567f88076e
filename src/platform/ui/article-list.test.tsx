import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../i18n/index.js';
import {
  ArticleList,
  articleCount,
  joinNames,
  newestOf,
  pageBounds,
  Teaser,
  type TeaserItem,
  teaserHtml,
  type TeaserVariant,
} from './article-list.js';

const t = translator('en');
const item: TeaserItem = {
  slug: 'railway',
  title: 'Railway <deal>',
  lead: 'The line crosses the pass.',
  language: 'en',
  publishedAt: '2026-02-10T09:00:00.000Z',
  updatedAt: '2026-02-10T09:00:00.000Z',
  rubric: { slug: 'news', name: 'News' },
  authors: [
    { slug: 'a', name: 'Aigerim Bekova' },
    { slug: 'b', name: 'Sergey Saenko' },
  ],
};

describe('teasers', () => {
  it('render kicker, escaped title, standfirst, byline and date, and leave the comment count out until given', () => {
    const html = renderToString(<Teaser t={t} item={item} lang="en" />);
    expect(html).toContain('<a class="kicker" href="/rubric/news">News</a>');
    expect(html).toContain('<h3 class="teaser-title"><a href="/articles/railway">Railway &lt;deal></a></h3>');
    expect(html).toContain('The line crosses the pass.');
    expect(html).toContain('<span class="teaser-byline">Aigerim Bekova and Sergey Saenko</span>');
    expect(html).toContain('<time datetime="2026-02-10T09:00:00.000Z">10 February 2026</time>');
    expect(html).not.toContain('teaser-comments');
    expect(renderToString(<Teaser t={t} item={item} lang="en" commentCount={3} />)).toContain(
      '<a class="teaser-comments" href="/articles/railway#comments">Comments 3</a>',
    );
  });

  it('mark a title in another language and drop the standfirst in compact lists', () => {
    const html = renderToString(
      <ArticleList
        t={t}
        items={[{ ...item, language: 'ru', title: 'Железная дорога' }]}
        lang="en"
        variant="compact"
        level={2}
        hideKicker
      />,
    );
    expect(html).toContain('<h2 class="teaser-title" lang="ru">');
    expect(html).not.toContain('The line crosses');
    expect(html).not.toContain('kicker');
    expect(renderToString(<ArticleList t={t} items={[]} lang="en" empty="Nothing here yet." />)).toBe(
      '<p class="list-empty">Nothing here yet.</p>',
    );
  });
});

describe('teasers written straight to HTML', () => {
  const items: TeaserItem[] = [
    item,
    { ...item, slug: 'b', title: 'Quotes "q" & <tags>', lead: '', authors: [], publishedAt: null, rubric: undefined },
    { ...item, slug: 'c', language: 'ru', title: 'Железная дорога', authors: [{ slug: 'x', name: 'Анна & Борис' }] },
    { ...item, slug: 'd', language: 'zh', cover: { url: '/media/1/w.jpg?x=1&y="2"', caption: 'c', credit: 'k' } },
    { ...item, slug: 'e', cover: { url: '', caption: '', credit: '' }, rubric: { slug: 'a&b', name: 'A & "B"' } },
    {
      ...item,
      slug: 'f',
      authors: [
        { slug: 'a', name: 'A' },
        { slug: 'b', name: 'B' },
        { slug: 'c', name: 'C' },
      ],
    },
  ];

  it('write what Teaser draws, in every variant, language and edition', () => {
    let compared = 0;
    for (const lang of ['en', 'ru', 'zh'])
      for (const variant of ['lead', 'standard', 'compact'] as TeaserVariant[])
        for (const level of [2, 3] as const)
          for (const hideKicker of [false, true])
            for (const commentCount of [undefined, 0, 1234])
              for (const [base, prefixed] of [
                ['', false],
                ['/ru', false],
                ['/en', true],
              ] as const)
                for (const one of items) {
                  const props = { t: translator(lang), item: one, lang, variant, level, hideKicker, commentCount, base, prefixed };
                  expect(teaserHtml(props)).toBe(renderToString(<Teaser {...props} />));
                  compared++;
                }
    expect(compared).toBeGreaterThan(1000);
  });

  it('make the list Teaser elements would make', () => {
    const counts = new Map([['railway', 7]]);
    const html = renderToString(<ArticleList t={t} items={items} lang="en" variant="compact" commentCounts={counts} base="/ru" />);
    const drawn = renderToString(
      <ol class="article-list article-list-compact" role="list">
        {items.map((one) => (
          <li>
            <Teaser t={t} item={one} lang="en" variant="compact" commentCount={counts.get(one.slug)} base="/ru" />
          </li>
        ))}
      </ol>,
    );
    expect(html).toBe(drawn);
  });
});

describe('list helpers', () => {
  it("join authors' names as each language writes a list", () => {
    expect(joinNames([], 'en')).toBe('');
    expect(joinNames(['Anna Lee'], 'en')).toBe('Anna Lee');
    expect(joinNames(['Anna Lee', 'Ben Ode'], 'en')).toBe('Anna Lee and Ben Ode');
    expect(joinNames(['Анна', 'Борис', 'Вера'], 'ru')).toBe('Анна, Борис и Вера');
    expect(joinNames(['王伟', '李娜'], 'zh')).toBe('王伟和李娜');
  });
  it('bound pages: one page for an empty list, none past the last', () => {
    expect(pageBounds(0, 1, 20)).toEqual({ pages: 1, offset: 0 });
    expect(pageBounds(0, 2, 20)).toBeUndefined();
    expect(pageBounds(41, 3, 20)).toEqual({ pages: 3, offset: 40 });
    expect(pageBounds(40, 3, 20)).toBeUndefined();
  });

  it('find the newest timestamp and count articles in words', () => {
    expect(newestOf(['2026-01-01T00:00:00.000Z', undefined, '2026-03-01T00:00:00.000Z', null])?.toISOString()).toBe(
      '2026-03-01T00:00:00.000Z',
    );
    expect(newestOf([])).toBeUndefined();
    expect(articleCount(t, 1, 'en')).toBe('1 article');
    expect(articleCount(t, 1200, 'en')).toBe('1,200 articles');
  });
});
