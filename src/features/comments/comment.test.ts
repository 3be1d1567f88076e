// Pure rules of the thread: text clean-up, linking, nesting, the edit window.
import { describe, expect, it } from 'vitest';
import { render } from 'preact-render-to-string';
import {
  canDeleteComment,
  canEditComment,
  cleanText,
  countLinks,
  linkify,
  paragraphs,
  parseOrder,
  replyTarget,
  safeHref,
} from './comment.js';
import { CommentBody } from './views/comment-body.js';

describe('comment text', () => {
  it('strips NUL and control characters, replaces lone surrogates, drops bidi overrides, keeps paragraphs', () => {
    expect(cleanText('a\u0000b\u0007c')).toBe('abc');
    expect(cleanText('x\ud800y')).toBe('x\ufffdy');
    expect(cleanText('ok 😀')).toBe('ok 😀');
    expect(cleanText('evil\u202Egnp.exe')).toBe('evilgnp.exe');
    expect(cleanText('  one\r\n\r\n\r\n\r\ntwo  ')).toBe('one\n\ntwo');
  });

  it('links only http and https, keeps sentence punctuation outside the link', () => {
    expect(linkify('see https://example.org/a.')).toEqual([
      { type: 'text', text: 'see ' },
      { type: 'link', href: 'https://example.org/a', text: 'https://example.org/a' },
      { type: 'text', text: '.' },
    ]);
    expect(linkify('javascript:alert(1)')).toEqual([{ type: 'text', text: 'javascript:alert(1)' }]);
    expect(linkify('www.example.org')[0]).toMatchObject({ type: 'link', href: 'https://www.example.org/' });
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,x')).toBeUndefined();
    expect(countLinks('http://a.org http://b.org\nhttps://c.org javascript:x')).toBe(3);
  });

  it('renders paragraphs and links as elements with everything else escaped', () => {
    const html = render(CommentBody({ body: 'Hi <b>there</b>\nline two\n\nhttps://x.org/?a=1&b="2" <img src=x onerror=alert(1)>' }));
    expect(html).toContain('<p>Hi &lt;b>there&lt;/b><br/>line two</p>');
    // A quote ends the address: it can never break out of the href attribute.
    expect(html).toContain(
      '<a href="https://x.org/?a=1&amp;b=" rel="nofollow ugc noopener" target="_blank">https://x.org/?a=1&amp;b=</a>&quot;2&quot;',
    );
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
    expect(paragraphs('a\n\n\nb')).toHaveLength(2);
  });
});

describe('thread rules', () => {
  it('a reply to a reply attaches to the same top-level parent and names whom it answers', () => {
    expect(replyTarget({ id: 5, parentId: null, userId: 1, authorName: 'Anna' })).toEqual({
      parentId: 5,
      replyToUserId: 1,
      replyToName: 'Anna',
    });
    expect(replyTarget({ id: 9, parentId: 5, userId: 2, authorName: 'Boris' })).toEqual({
      parentId: 5,
      replyToUserId: 2,
      replyToName: 'Boris',
    });
  });

  it('edits only one’s own comment within ten minutes; deletes only one’s own', () => {
    const c = { userId: 1, status: 'published' as const, createdAt: '2026-01-01T10:00:00.000Z' };
    expect(canEditComment(c, 1, new Date('2026-01-01T10:09:59Z'))).toBe(true);
    expect(canEditComment(c, 1, new Date('2026-01-01T10:10:00Z'))).toBe(false);
    expect(canEditComment(c, 2, new Date('2026-01-01T10:01:00Z'))).toBe(false);
    expect(canEditComment({ ...c, status: 'deleted' }, 1, new Date('2026-01-01T10:01:00Z'))).toBe(false);
    expect(canDeleteComment(c, 1)).toBe(true);
    expect(canDeleteComment(c, 2)).toBe(false);
    expect(canDeleteComment({ ...c, status: 'deleted' }, 1)).toBe(false);
  });

  it('orders oldest first unless asked otherwise', () => {
    expect(parseOrder('newest')).toBe('newest');
    expect(parseOrder('<script>')).toBe('oldest');
    expect(parseOrder(undefined)).toBe('oldest');
  });
});
