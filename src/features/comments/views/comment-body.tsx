// A comment's text as elements: paragraphs, line breaks and links built node by node, never from HTML strings.
import { paragraphs } from '../comment.js';

/** The body of a comment; links only to http(s), marked as user content. */
export function CommentBody({ body }: { body: string }) {
  return (
    <div class="comment-body">
      {paragraphs(body).map((lines) => (
        <p>
          {lines.map((segs, i) => (
            <>
              {i > 0 && <br />}
              {segs.map((s) =>
                s.type === 'link' ? (
                  <a href={s.href} rel="nofollow ugc noopener" target="_blank">
                    {s.text}
                  </a>
                ) : (
                  s.text
                ),
              )}
            </>
          ))}
        </p>
      ))}
    </div>
  );
}
