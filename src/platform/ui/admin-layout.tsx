// The staff pages' shell: navigation by role, the signed-in user, and sign-out.
import type { ComponentChildren } from 'preact';
import type { SessionUser } from '../session.js';
import { AREA_ROLES } from '../admin-scope.js';
import type { MessageKey, T } from '../i18n/index.js';
import { ErrorSummary as Summary } from './form-fields.js';

/** A small counter in the staff header, e.g. a queue waiting for moderators. */
export interface AdminBadge {
  label: string;
  href: string;
  count: number;
}

export interface AdminLayoutProps {
  /** The staff member's translator: the whole shell speaks its language. */
  t: T;
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

const NAV: { key: string; href: string; label: MessageKey; roles: readonly string[] }[] = [
  { key: 'dashboard', href: '/admin', label: 'admin.nav.dashboard', roles: ['admin', 'editor', 'author', 'moderator'] },
  { key: 'media', href: '/admin/media', label: 'admin.nav.media', roles: AREA_ROLES.media },
  { key: 'articles', href: '/admin/articles', label: 'admin.nav.articles', roles: AREA_ROLES.articles },
  { key: 'review', href: '/admin/review', label: 'admin.nav.review', roles: ['admin', 'editor'] },
  { key: 'authors', href: '/admin/authors', label: 'admin.nav.authors', roles: AREA_ROLES.taxonomy },
  { key: 'rubrics', href: '/admin/rubrics', label: 'admin.nav.rubrics', roles: AREA_ROLES.taxonomy },
  { key: 'tags', href: '/admin/tags', label: 'admin.nav.tags', roles: AREA_ROLES.taxonomy },
  { key: 'events', href: '/admin/events', label: 'admin.nav.events', roles: AREA_ROLES.events },
  { key: 'facts', href: '/admin/facts', label: 'admin.nav.facts', roles: ['admin', 'editor'] },
  { key: 'comments', href: '/admin/comments', label: 'admin.nav.comments', roles: ['admin', 'editor', 'moderator'] },
  { key: 'staff', href: '/admin/staff', label: 'admin.nav.staff', roles: AREA_ROLES.staff },
  { key: 'audit', href: '/admin/audit', label: 'admin.nav.audit', roles: AREA_ROLES.audit },
  { key: 'outbox', href: '/admin/outbox', label: 'admin.nav.outbox', roles: ['admin'] },
  { key: 'api-keys', href: '/admin/api-keys', label: 'admin.nav.api_keys', roles: ['admin'] },
  { key: 'import', href: '/admin/import', label: 'admin.nav.import', roles: AREA_ROLES.taxonomy },
  { key: 'webhooks', href: '/admin/webhooks', label: 'admin.nav.webhooks', roles: ['admin'] },
  { key: 'settings', href: '/admin/settings', label: 'admin.nav.settings', roles: ['admin'] },
  { key: 'account', href: '/admin/account', label: 'admin.nav.account', roles: ['admin', 'editor', 'author', 'moderator'] },
];

/** The whole document of a staff page. */
export function AdminLayout({ t, title, user, csrf, current, scripts, badges, children }: AdminLayoutProps) {
  return (
    <html lang={t.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{t('admin.doc_title', { title })}</title>
        <link rel="stylesheet" href="/assets/admin.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        {(scripts ?? []).map((s) => (
          <script type="module" src={`/assets/js/${s}`} defer />
        ))}
      </head>
      <body class="admin">
        <a class="skip" href="#main">
          {t('site.skip')}
        </a>
        <header class="admin-header">
          <a class="admin-brand" href="/admin">
            Chancery
          </a>
          {user && (
            <nav aria-label={t('admin.nav.label')}>
              <ul>
                {NAV.filter((n) => n.roles.includes(user.role)).map((n) => (
                  <li>
                    <a href={n.href} aria-current={current === n.key ? 'page' : undefined}>
                      {t(n.label)}
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
            <a href="/">{t('admin.view_site')}</a>
            {user && (
              <form method="post" action="/admin/logout">
                <input type="hidden" name="_csrf" value={csrf} />
                <button type="submit" class="link-button">
                  {t('admin.sign_out', { name: user.name })}
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
export function ErrorSummary({ t, errors }: { t: T; errors: Record<string, string> | undefined }) {
  return Summary({ title: t('admin.errors_title'), errors });
}

/** A notice after a redirect (?notice=saved etc.). */
export function Notice({ text }: { text?: string }) {
  return text ? (
    <p class="notice" role="status">
      {text}
    </p>
  ) : null;
}
