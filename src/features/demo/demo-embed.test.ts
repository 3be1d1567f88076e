// The demo's embedded video: described in newsroom.json (no network when the demo loads), stored through
// features/embeds with its drawn thumbnail in the media library, and drawn on the article page as a facade
// that asks nothing of the provider. Loading the demo twice adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { findArticleBySlug } from '../articles/article-store.js';
import { findEmbedsByUrls } from '../embeds/embed-store.js';
import { findMedia } from '../media/media-store.js';
import { loadDemo } from './demo-loader.js';

const VIDEO = 'https://www.youtube.com/watch?v=_IT8x1lHplk';
const config = { adminEmail: 'admin@example.org', adminPassword: 'chancery-demo' };

describe.each(DIALECTS)('the demo video on %s', (dialect) => {
  let app: TestApp;
  const load = () => loadDemo({ db: app.ctx.db, clock: app.ctx.clock, config, publishing: app.ctx.publishing, media: app.ctx.media });
  beforeAll(async () => {
    app = await testApp(dialect, { dataDir: `/tmp/chancery-demo-embed-${process.pid}-${dialect}` });
    await load();
  }, 120_000);
  afterAll(() => app.close());

  it('is stored as a YouTube embed with a local thumbnail, and named alone in its article', async () => {
    const [embed] = await findEmbedsByUrls(app.ctx.db, [VIDEO]);
    expect(embed).toMatchObject({
      provider: 'YouTube',
      author: 'CGTN',
      title: "Shanghai Spirit in action: Tianjin Summit shapes SCO's future",
      frameSrc: 'https://www.youtube-nocookie.com/embed/_IT8x1lHplk?autoplay=1',
    });
    const thumb = (await findMedia(app.ctx.db, embed.thumbnailId!))!;
    // The drawing is 16:9, as a video's still; its alt text is the video's title.
    expect(thumb.width * 9).toBe(thumb.height * 16);
    expect(thumb.alt).toBe(embed.title);
    expect((await findArticleBySlug(app.ctx.db, 'sco-tianjin-summit'))!.bodyMd).toContain(`\n\n${VIDEO}\n\n`);
  });

  it('draws the facade with the thumbnail from the library and nothing from the provider', async () => {
    const page = await app.server.inject({ method: 'GET', url: '/articles/sco-tianjin-summit' });
    expect(page.statusCode).toBe(200);
    const [embed] = await findEmbedsByUrls(app.ctx.db, [VIDEO]);
    const figure = /<figure class="embed"[\s\S]*?<\/figure>/.exec(page.body)?.[0] ?? '';
    expect(figure).toContain('data-embed-frame="https://www.youtube-nocookie.com/embed/_IT8x1lHplk?autoplay=1"');
    expect(figure).toContain(`href="${VIDEO}"`);
    expect(figure).toContain('CGTN');
    expect(figure).toMatch(new RegExp(`<picture[\\s\\S]*src="/media/${embed.thumbnailId}/[^"]+"`));
    // What the page makes the browser fetch (src, srcset, frames, scripts) is all of this site.
    const fetched = [...page.body.matchAll(/\s(?:src|srcset|data)="([^"]+)"/g)].flatMap((m) => m[1].split(/,\s*/));
    expect(fetched.length).toBeGreaterThan(0);
    expect(fetched.filter((u) => /^(https?:)?\/\//.test(u))).toEqual([]);
    expect(page.body).not.toContain('<iframe');
  });

  it('adds nothing when the demo loads again', async () => {
    const count = async (table: 'embeds' | 'media_images') =>
      Number(
        (
          await app.ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = [await count('embeds'), await count('media_images')];
    expect(before[0]).toBe(1);
    await load();
    expect([await count('embeds'), await count('media_images')]).toEqual(before);
  });
});
