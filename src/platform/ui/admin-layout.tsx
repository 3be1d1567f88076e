// The staff pages' shell: navigation by role, the signed-in user, and sign-out.
import type { ComponentChildren } from 'preact';
import type { SessionUser } from '../session.js';
import { AREA_ROLES } from '../admin-scope.js';
import { ErrorSummary as Summary } from './form-fields.js';

/** A small counter in the staff header, e.g. a queue waiting for moderators. */
export interface AdminBadge {
  label: string;
  href: string;
  count: number;
}

export interface AdminLayoutProps {
  title: string;
  user: SessionUser | undefined;
  csrf: string;
  current?: string;
  /** Extra scripts from /assets/js/ (progressive enhancement only). */
  scripts?: string[];
  /** Small counters shown in the header, e.g. queues waiting for moderators. */
  badges?: AdminBadge[];
  children: ComponentChildren;
}

const NAV: { key: string; href: string; label: string; roles: readonly string[] }[] = [
  { key: 'dashboard', href: '/admin', label: 'Dashboard', roles: ['admin', 'editor', 'author', 'moderator'] },
  { key: 'articles', href: '/admin/articles', label: 'Articles', roles: AREA_ROLES.articles },
  { key: 'media', href: '/admin/media', label: 'Media', roles: AREA_ROLES.media },
  { key: 'authors', href: '/admin/authors', label: 'Authors', roles: AREA_ROLES.taxonomy },
  { key: 'rubrics', href: '/admin/rubrics', label: 'Rubrics', roles: AREA_ROLES.taxonomy },
  { key: 'tags', href: '/admin/tags', label: 'Tags', roles: AREA_ROLES.taxonomy },
  { key: 'events', href: '/admin/events', label: 'Events', roles: AREA_ROLES.events },
  { key: 'facts', href: '/admin/facts', label: 'Facts', roles: ['admin', 'editor'] },
  { key: 'comments', href: '/admin/comments', label: 'Comments', roles: ['admin', 'editor', 'moderator'] },
  { key: 'staff', href: '/admin/staff', label: 'Staff', roles: AREA_ROLES.staff },
  { key: 'audit', href: '/admin/audit', label: 'Audit log', roles: AREA_ROLES.audit },
  { key: 'outbox', href: '/admin/outbox', label: 'Outbox', roles: ['admin'] },
];

/** The whole document of a staff page. */
export function AdminLayout({ title, user, csrf, current, scripts, badges, children }: AdminLayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${title} — Chancery admin`}</title>
        <link rel="stylesheet" href="/assets/admin.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        {(scripts ?? []).map((s) => (
          <script type="module" src={`/assets/js/${s}`} defer />
        ))}
      </head>
      <body class="admin">
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="admin-header">
          <a class="admin-brand" href="/admin">
            Chancery
          </a>
          {user && (
            <nav aria-label="Admin">
              <ul>
                {NAV.filter((n) => n.roles.includes(user.role)).map((n) => (
                  <li>
                    <a href={n.href} aria-current={current === n.key ? 'page' : undefined}>
                      {n.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div class="admin-user">
            {(badges ?? [])
              .filter((b) => b.count > 0)
              .map((b) => (
                <a class="badge" href={b.href}>
                  {b.label} <strong>{b.count}</strong>
                </a>
              ))}
            <a href="/">View site</a>
            {user && (
              <form method="post" action="/admin/logout">
                <input type="hidden" name="_csrf" value={csrf} />
                <button type="submit" class="link-button">
                  Sign out {user.name}
                </button>
              </form>
            )}
          </div>
        </header>
        <main id="main" class="admin-main" tabIndex={-1}>
          <h1>{title}</h1>
          {children}
        </main>
      </body>
    </html>
  );
}

export { Field } from './form-fields.js';

/** The summary of errors shown at the top of a form re-rendered with 422. */
export function ErrorSummary({ errors }: { errors: Record<string, string> | undefined }) {
  return Summary({ title: 'Please correct the following:', errors });
}

/** A notice after a redirect (?notice=saved etc.). */
export function Notice({ text }: { text?: string }) {
  return text ? (
    <p class="notice" role="status">
      {text}
    </p>
  ) : null;
}
