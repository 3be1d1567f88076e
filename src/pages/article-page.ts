// The article page: the article with its event block, its facts, its comment thread and related articles.
// It gathers several features, so it is composed here, above them; each feature offers a loader and a block.
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { isPublic, type ReadableArticle } from '../features/articles/article.js';
import { findReadableArticleBySlug, listRelatedArticles } from '../features/articles/article-store.js';
import { listTranslations, type Translation } from '../features/articles/translation-store.js';
import { loadCommentThread } from '../features/comments/comment-thread-loader.js';
import { CommentsBlock } from '../features/comments/views/comments-block.js';
import { listPublicFactsForArticle } from '../features/dossiers/dossier-store.js';
import { markEvidenceWithIds } from '../features/dossiers/evidence.js';
import { FactsBlock } from '../features/dossiers/views/facts-block.js';
import { findEventForArticle } from '../features/events/event-store.js';
import { eventIn } from '../features/events/event-translation.js';
import { nextEvent } from '../features/events/next-event.js';
import { coverPicture } from '../features/media/cover-loader.js';
import { type MediaImage, mediaIdOf } from '../features/media/media.js';
import { listCorrections } from '../features/corrections/correction-store.js';
import type { Correction } from '../features/corrections/correction.js';
import { CorrectionsBlock } from '../features/corrections/views/corrections-block.js';
import { drawInlinePictures, loadPageImages } from '../features/media/inline-pictures.js';
import { loadInlineEmbeds } from '../features/embeds/inline-embeds.js';
import type { AppCtx } from '../platform/app-context.js';
import { loadChrome } from '../platform/chrome.js';
import { loadLocalizer } from '../platform/localize.js';
import { notFound } from '../platform/errors.js';
import { articlePath } from '../platform/editions.js';
import { ALL_PAGES_KEY } from '../platform/purge.js';
import { renderDocument, renderFragment } from '../platform/render.js';
import type { SafeHtml } from '../platform/safe-html.js';
import { newestOf } from '../platform/ui/article-list.js';
import { ArticlePage } from './views/article-page.js';

/** Thrown inside a rendering when the article lives in another edition: answered with a redirect, never cached. */
class Moved {
  constructor(readonly to: string) {}
}

/**
 * What an article's page shows every reader the same way, drawn from its content alone: its body with the
 * anchors of its facts' sentences, its library pictures and embeds, its facts, translations and corrections.
 * Kept in the content memo under the article's version (cleared with the page cache on any change of
 * content), so only the reader's own parts are drawn again on a miss: a signed-in reader misses the page
 * cache on every view, and so does the first view of each address.
 */
interface ArticleContent {
  bodyHtml: SafeHtml;
  factsHtml: string;
  translations: Translation[];
  images: ReadonlyMap<number, MediaImage>;
  corrections: Correction[];
}

/** About the bytes an article's drawn parts hold (two per character, and the rows besides). */
const weightOf = (c: ArticleContent) => 2 * (c.bodyHtml.length + c.factsHtml.length) + 4096;

async function drawContent(ctx: AppCtx, ed: AppCtx, article: ReadableArticle, now: Date): Promise<ArticleContent> {
  const [knowledge, translations, images, corrections] = await Promise.all([
    listPublicFactsForArticle(ctx.db, article.id, article.language),
    listTranslations(ctx.db, article.id, now),
    // The cover and the body's library images in one query.
    loadPageImages(ctx.db, article.cover?.url ?? '', article.bodyHtml),
    listCorrections(ctx.db, article.id),
  ]);
  // Each fact's sentence gets an anchor in the body, so dossiers can link straight to it.
  const { html, marked } = markEvidenceWithIds(
    article.bodyHtml,
    knowledge.facts.map((f) => ({ id: f.id, text: f.evidence.text })),
  );
  // Library images in the body become pictures; the first loads at once when no cover stands above it.
  const bodyHtml = await loadInlineEmbeds(
    ctx.db,
    drawInlinePictures(html, images, { firstEager: !article.cover, credit: (credit) => ed.t('article.image_credit', { credit }) }),
    ed.t,
  );
  const facts = FactsBlock({
    t: ed.t,
    facts: knowledge.facts,
    entities: knowledge.entities,
    lang: article.language,
    anchored: marked,
    base: ed.edition.prefix,
  });
  return { bodyHtml, factsHtml: facts ? renderFragment(facts) : '', translations, images, corrections };
}

/** Registers /articles/:slug (at the root, and in each edition when every edition is prefixed). */
export function registerArticlePage(app: FastifyInstance, ctx: AppCtx): void {
  app.get<{ Params: { slug: string } }>('/articles/:slug', (request, reply) =>
    ctx.cache
      .serve(request, reply, async () => {
        const now = ctx.clock();
        const found = await findReadableArticleBySlug(ctx.db, request.params.slug);
        // Drafts and scheduled pieces do not exist for readers.
        if (!found || !isPublic(found, now)) throw notFound('Article');
        // An edition serves its own language's articles; another's is sent to its address.
        if (ctx.edition.prefix && ctx.edition.prefix !== `/${found.language}`) {
          const query = request.url.indexOf('?');
          throw new Moved(
            articlePath(found.language, ctx.editions, encodeURIComponent(found.slug)) + (query < 0 ? '' : request.url.slice(query)),
          );
        }
        // Its rubric, tags and bylines in its language, where the newsroom translated them.
        const local = await loadLocalizer(ctx, found.language);
        const article = local.article(found);
        // The page belongs to its language's edition: its interface, menus and links are that edition's.
        const ed = ctx.inEdition(article.language);
        const [chrome, related, event, content] = await Promise.all([
          loadChrome(ed, request),
          listRelatedArticles(ctx.db, article, now, { memo: ctx.memo }),
          findEventForArticle(ctx.db, article.id, now, () => nextEvent(ctx, now), ctx.memo).then(
            (e) => e && eventIn(ctx.db, e, article.language, ctx.memo),
          ),
          ctx.memo.get(`article-page:${article.id}:${article.updatedAt}`, () => drawContent(ctx, ed, article, now), weightOf),
        ]);
        const thread = await loadCommentThread(ed, request, article, chrome.site.language);
        const comments = { count: thread.count, children: thread.block && CommentsBlock(thread.block), lastChange: thread.lastChange };
        const { images, corrections } = content;
        const cover = article.cover ? mediaIdOf(article.cover.url) : undefined;
        const coverImage = cover === undefined ? undefined : images.get(cover);
        const body = renderDocument(
          ArticlePage({
            t: ed.t,
            chrome,
            article: { ...article, bodyHtml: content.bodyHtml },
            related: related.map(local.article),
            event,
            facts: content.factsHtml && h('div', { dangerouslySetInnerHTML: { __html: content.factsHtml } }),
            comments,
            translations: content.translations,
            coverPicture: coverImage && coverPicture(coverImage),
            corrections,
            correctionsBlock: CorrectionsBlock({ t: ed.t, corrections, lang: chrome.site.language, base: chrome.site.base }),
          }),
        );
        return {
          body,
          lastModified: newestOf([article.updatedAt, event?.updatedAt, comments.lastChange, ...related.map((r) => r.updatedAt)]),
          tags: [`comments:${article.id}`],
        };
      })
      .catch((err) => {
        if (!(err instanceof Moved)) throw err;
        return reply
          .header('cache-control', 'public, max-age=0, s-maxage=3600')
          .header('surrogate-key', ALL_PAGES_KEY)
          .header('cache-tag', ALL_PAGES_KEY)
          .redirect(err.to, 301);
      }),
  );
}
