// Journey: an editor uploads a sizeable WordPress export at /admin/import. The upload shows its bar (the
// connection is slowed so that it can be seen), then the import's page counts the articles as they are
// imported and, once done, shows the report with what was skipped. Without JavaScript the same form works
// and the import's page reloads itself until the report is there.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAllArticles } from '../../src/features/articles/article-store.js';
import { createSession, SESSION_COOKIE } from '../../src/platform/session.js';
import { expectAccessible, launchBrowser, liveApp, screenshot, type LiveApp } from '../browser.js';
import { makeUser } from '../factories.js';

const POSTS = 150;
const PLACES = ['Almaty', 'Bishkek', 'Dushanbe', 'Tashkent', 'Ashgabat', 'Baku', 'Tbilisi', 'Yerevan', 'Astana', 'Samarkand'];
const TOPICS = ['water', 'railway', 'energy', 'trade', 'border'];

/** A WordPress 6 export of a regional weekly: two authors, a category, POSTS posts with comments, a menu item. */
function wxr(): string {
  const items: string[] = [];
  for (let i = 1; i <= POSTS; i++) {
    const place = PLACES[i % PLACES.length];
    const topic = TOPICS[i % TOPICS.length];
    const day = String((i % 28) + 1).padStart(2, '0');
    const paragraphs = Array.from(
      { length: 6 },
      (_, p) =>
        `<!-- wp:paragraph --><p>Report ${i}, part ${p + 1}: officials in ${place} discussed ${topic} with their neighbours; ` +
        `the figures for the quarter were published on the ministry's site, and the talks resume next month.</p><!-- /wp:paragraph -->`,
    ).join('\n');
    items.push(`	<item>
		<title><![CDATA[${place}: ${topic} talks, round ${i}]]></title>
		<link>https://steppe.example/2024/03/${topic}-talks-${i}/</link>
		<pubDate>Fri, ${day} Mar 2024 08:00:00 +0000</pubDate>
		<dc:creator><![CDATA[${i % 2 ? 'aigerim' : 'oleg'}]]></dc:creator>
		<guid isPermaLink="false">https://steppe.example/?p=${1000 + i}</guid>
		<description></description>
		<content:encoded><![CDATA[${paragraphs}]]></content:encoded>
		<excerpt:encoded><![CDATA[Round ${i} of the ${topic} talks in ${place}.]]></excerpt:encoded>
		<wp:post_id>${1000 + i}</wp:post_id>
		<wp:post_date><![CDATA[2024-03-${day} 10:00:00]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[2024-03-${day} 08:00:00]]></wp:post_date_gmt>
		<wp:comment_status><![CDATA[open]]></wp:comment_status>
		<wp:post_name><![CDATA[${topic}-talks-${i}]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<category domain="category" nicename="analysis"><![CDATA[Analysis]]></category>
		<category domain="post_tag" nicename="${topic}"><![CDATA[${topic}]]></category>
		<wp:comment>
			<wp:comment_id>${5000 + i}</wp:comment_id>
			<wp:comment_author><![CDATA[Daniyar]]></wp:comment_author>
			<wp:comment_author_email><![CDATA[daniyar@example.org]]></wp:comment_author_email>
			<wp:comment_date_gmt><![CDATA[2024-03-${day} 12:00:00]]></wp:comment_date_gmt>
			<wp:comment_content><![CDATA[Thank you for round ${i}.]]></wp:comment_content>
			<wp:comment_approved><![CDATA[1]]></wp:comment_approved>
			<wp:comment_parent>0</wp:comment_parent>
		</wp:comment>
	</item>`);
  }
  items.push(`	<item>
		<title><![CDATA[Home]]></title>
		<wp:post_id>9001</wp:post_id>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[nav_menu_item]]></wp:post_type>
	</item>`);
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title><![CDATA[Steppe Review]]></title>
	<link>https://steppe.example</link>
	<language>en-US</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://steppe.example</wp:base_site_url>
	<wp:base_blog_url>https://steppe.example</wp:base_blog_url>
	<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[aigerim]]></wp:author_login><wp:author_email><![CDATA[aigerim@steppe.example]]></wp:author_email><wp:author_display_name><![CDATA[Aigerim Bekova]]></wp:author_display_name></wp:author>
	<wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[oleg]]></wp:author_login><wp:author_email><![CDATA[oleg@steppe.example]]></wp:author_email><wp:author_display_name><![CDATA[Олег Ким]]></wp:author_display_name></wp:author>
	<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename><![CDATA[analysis]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Analysis]]></wp:cat_name></wp:category>
${items.join('\n')}
</channel>
</rss>
`;
}

describe('import progress journey', () => {
  let live: LiveApp;
  let browser: Browser;
  let token = '';
  let file = '';

  beforeAll(async () => {
    live = await liveApp(async (app) => {
      const userId = await makeUser(app.ctx.db, { role: 'editor', email: 'ed@example.org', name: 'Edith' });
      token = await createSession(app.ctx.db, userId, new Date());
    });
    file = join(mkdtempSync(join(tmpdir(), 'chancery-wxr-')), 'steppe-review.xml');
    writeFileSync(file, wxr());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await live?.close();
  });

  it('shows the upload bar, then the articles counted as they are imported, then the report', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: SESSION_COOKIE, value: token, domain: new URL(live.url).hostname, path: '/' }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${live.url}/admin/import`);
    // A slow uplink (about 150 KB/s) so that the upload takes a few seconds.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 150 * 1024,
    });
    await page.setInputFiles('#export-file', file);
    await page.click('form[data-import-upload] button[type="submit"]');

    const bar = page.locator('[data-upload-progress] progress');
    await bar.waitFor({ state: 'visible' });
    await page.waitForFunction(() => {
      const p = document.querySelector<HTMLProgressElement>('[data-upload-progress] progress');
      return !!p && p.value > 0 && p.value < 100;
    });
    expect(await page.locator('[data-upload-percent]').textContent()).toMatch(/^\d+%$/);
    await screenshot(page, 'import-upload-progress');
    await expectAccessible(page, 'import upload in progress');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    // The import's own page: the articles counted out of all of them while it runs.
    await page.waitForURL(/\/admin\/import\/runs\/\d+$/);
    const seen: string[] = [];
    for (let i = 0; i < 200 && !(await page.locator('#import-report').count()); i++) {
      const status = await page
        .locator('[data-run-status]')
        .textContent({ timeout: 100 })
        .catch(() => null);
      if (status && !seen.includes(status)) seen.push(status);
      if (seen.length === 2) await screenshot(page, 'import-run-progress');
      await page.waitForTimeout(50);
    }
    await page.waitForSelector('#import-report');
    // The posts and the menu item: each imported or skipped in its turn. A fast machine may finish the import
    // between two looks; the counts themselves are checked step by step in src/features/import/routes.test.ts.
    const counting = seen.filter((s) => s.startsWith('Items imported or skipped'));
    for (const s of counting) expect(s, seen.join(' | ')).toMatch(new RegExp(`^Items imported or skipped: \\d+ of ${POSTS + 1}\\.$`));
    const report = (await page.locator('section[aria-labelledby="import-report"]').textContent()) ?? '';
    expect(report).toContain(`Articles: ${POSTS} new, 0 updated, 0 unchanged.`);
    expect(report).toContain(`Comments: ${POSTS} new`);
    expect(report).toContain('One item skipped');
    expect(report).toContain('nav_menu_item');
    expect(await countAllArticles(live.app.ctx.db)).toBe(POSTS);
    await screenshot(page, 'import-run-report');
    await expectAccessible(page, 'import report after a run');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works without JavaScript: the form posts, the import page reloads itself until the report', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.addCookies([{ name: SESSION_COOKIE, value: token, domain: new URL(live.url).hostname, path: '/' }]);
    const page = await context.newPage();
    await page.goto(`${live.url}/admin/import`);
    await page.setInputFiles('#export-file', file);
    await page.click('form[data-import-upload] button[type="submit"]');
    await page.waitForURL(/\/admin\/import\/runs\/\d+$/);
    await page.waitForSelector('#import-report', { timeout: 60_000 });
    // The same export again: recognised, nothing duplicated.
    expect(await page.locator('section[aria-labelledby="import-report"]').textContent()).toContain(
      `Articles: 0 new, 0 updated, ${POSTS} unchanged.`,
    );
    await context.close();
  }, 90_000);
});
