// The thread written straight to HTML is the thread the elements draw, for a reader who is not signed in: byte for
// byte, in every language, whatever the comments hold.
import { describe, expect, it } from 'vitest';
import { Fragment, h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../../../platform/i18n/index.js';
import { renderVNode } from '../../../platform/html-renderer.js';
import type { Comment, CommentStatus, ThreadItem } from '../comment.js';
import { CommentsBlock, ThreadEntry } from './comments-block.js';
import { commentBodyHtml, threadEntriesHtml } from './thread-html.js';
import { CommentBody } from './comment-body.js';

const BODIES = [
  'Plain words.',
  '',
  '   ',
  'Quotes "like" this, & ampersands < less than > more',
  'Line one\nline two\n\nSecond paragraph',
  '\n\nleading blank lines\n\n\n\ntrailing\n\n',
  'see https://example.org/a?x=1&y="2". And www.example.com, then (https://x.org/p_(q)).',
  'javascript:alert(1) data:text/html,x HTTP://UPPER.example.org/Path',
  'Кириллица и 中文 with https://пример.рф/путь and a tab\there',
  'a\n\n \n\nb\nhttp://c.org',
];

let nextId = 100;
function comment(over: Partial<Comment>): Comment {
  const id = nextId++;
  return {
    id,
    articleId: 7,
    userId: 3,
    authorName: 'Reader <3> & "friends"',
    authorDeleted: false,
    parentId: null,
    replyToUserId: null,
    replyToName: '',
    body: BODIES[id % BODIES.length],
    status: 'published',
    rejectReason: '',
    featured: false,
    editedAt: null,
    createdAt: `2026-0${(id % 9) + 1}-1${id % 10}T0${id % 10}:3${id % 10}:00.000Z`,
    updatedAt: '2026-01-01T00:00:00.000Z',
    likesCount: 0,
    reportsOpen: 0,
    ...over,
  };
}

/** Comments in every state a thread can show, with replies of every kind. */
function items(): ThreadItem[] {
  const statuses: CommentStatus[] = ['published', 'deleted', 'pending', 'rejected', 'hidden'];
  const out: ThreadItem[] = [];
  for (const status of statuses)
    for (const featured of [false, true])
      for (const likesCount of [0, 1, 5]) {
        const top = comment({ status, featured, likesCount, editedAt: likesCount === 1 ? '2026-02-02T10:00:00.000Z' : null });
        out.push({
          comment: top,
          replies: [
            comment({ parentId: top.id, replyToName: 'Ann & "Bo"', likesCount }),
            comment({ parentId: top.id, replyToName: '', authorDeleted: true, authorName: '', status }),
            comment({ parentId: top.id, userId: null, authorName: '', authorDeleted: true, featured, editedAt: '2026-03-03T00:00:00Z' }),
          ],
        });
      }
  out.push({ comment: comment({ createdAt: '2026-01-01T00:00:00+03:00' }), replies: [] });
  out.push({ comment: comment({ body: BODIES[6], authorName: '' }), replies: [] });
  return out;
}

describe('the thread written straight to HTML', () => {
  for (const lang of ['en', 'ru', 'zh'] as const) {
    it(`writes what ThreadEntry draws for a reader who is not signed in (${lang})`, () => {
      const t = translator(lang);
      const list = items();
      for (const open of [true, false]) {
        const drawn = h(
          Fragment,
          null,
          list.map((item) => h(ThreadEntry, { t, lang, now: new Date('2026-06-01T00:00:00Z'), slug: 'a-slug', item, open })),
        );
        expect(threadEntriesHtml(t, lang, list)).toBe(renderToString(drawn));
        expect(threadEntriesHtml(t, lang, list)).toBe(renderVNode(drawn));
      }
    });
  }

  it('writes what CommentBody draws', () => {
    for (const body of BODIES) expect(commentBodyHtml(body)).toBe(renderToString(h(CommentBody, { body })));
  });

  it('leaves the signed-in reader to the elements, and an empty thread empty', () => {
    const t = translator('en');
    const block = {
      t,
      lang: 'en',
      article: { slug: 'a-slug', commentsMode: 'on' as const },
      order: 'oldest' as const,
      page: 1,
      pages: 1,
      now: new Date('2026-06-01T00:00:00Z'),
    };
    const empty = renderVNode(CommentsBlock({ ...block, items: [] }));
    expect(empty).toContain('<ol class="comment-thread" role="list"></ol>');
    const viewer = { id: 3, name: 'Reader', canPost: true, unconfirmed: false };
    const list = items();
    const signedIn = renderVNode(CommentsBlock({ ...block, items: list, viewer, csrf: 'token' }));
    expect(signedIn).toContain('comment-like');
    expect(renderVNode(CommentsBlock({ ...block, items: list }))).toBe(renderToString(CommentsBlock({ ...block, items: list })!));
  });
});
