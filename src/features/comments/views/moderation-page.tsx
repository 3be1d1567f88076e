// The moderator console: queue tabs, comments with article and author history, per-item and bulk actions.
import { articlePath } from '../../../platform/editions.js';
import { formatDateTime, type T, messageKey } from '../../../platform/i18n/index.js';
import type { Queue, QueueItem } from '../comment-store.js';
import { CommentBody } from './comment-body.js';

export interface ModerationPageProps {
  t: T;
  csrf: string;
  queue: Queue;
  queues: { queue: Queue; count?: number }[];
  items: QueueItem[];
  total: number;
  page: number;
  pages: number;
  now: Date;
  notice?: string;
  error?: string;
  /** Every edition under its prefix (the `site.editions` setting): articles are linked at their own address. */
  prefixed?: boolean;
}

const DAY = 864e5;

function ItemCard({ t, item, now, index, prefixed }: { t: T; item: QueueItem; now: Date; index: number; prefixed: boolean }) {
  const c = item.comment;
  const ageDays = item.author.createdAt ? Math.max(0, Math.floor((now.getTime() - Date.parse(item.author.createdAt)) / DAY)) : undefined;
  const name = c.authorDeleted ? t('comments.deleted_user') : c.authorName;
  return (
    <li class="mod-item" id={`mod-${c.id}`} data-mod-item={String(c.id)} tabIndex={-1}>
      <div class="mod-select">
        <input
          type="checkbox"
          name="ids"
          value={String(c.id)}
          form="mod-bulk"
          id={`mod-check-${c.id}`}
          aria-label={t('comments.admin.select', { n: index + 1 })}
        />
      </div>
      <div class="mod-main">
        <p class="mod-meta">
          <span class={`mod-status mod-status-${c.status}`}>{t(`comments.status.${c.status}`)}</span>{' '}
          <strong class="mod-author">{name}</strong>{' '}
          {!c.authorDeleted && (
            <span class="mod-history">
              {t('comments.admin.history', { approved: item.author.approved, rejected: item.author.rejected, days: ageDays ?? 0 })}
            </span>
          )}
          {item.author.ban && (
            <span class="mod-banned">
              {' '}
              {item.author.ban.until
                ? t('comments.admin.suspended_until', { until: formatDateTime(item.author.ban.until) })
                : t('comments.admin.banned')}
            </span>
          )}
        </p>
        <p class="mod-article">
          <a href={`${articlePath(item.article.language, prefixed, item.article.slug)}#comment-${c.id}`}>{item.article.title}</a> ·{' '}
          <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
          {c.parentId !== null && <> · {t('comments.in_reply_to', { name: c.replyToName })}</>}
          {c.featured && <> · {t('comments.featured')}</>}
        </p>
        <CommentBody body={c.body} />
        {c.rejectReason && <p class="mod-reason">{t('comments.admin.reason_shown', { reason: c.rejectReason })}</p>}
        {item.reports.length > 0 && (
          <ul class="mod-reports" aria-label={t('comments.admin.reports')}>
            {item.reports.map((r) => (
              <li>{r}</li>
            ))}
          </ul>
        )}
        <div class="mod-actions">
          <button type="submit" form="mod-bulk" name="one" value={`approve:${c.id}`} data-key="a">
            {t('comments.admin.approve')}
          </button>
          <button type="submit" form="mod-bulk" name="one" value={`reject:${c.id}`} data-key="r">
            {t('comments.admin.reject')}
          </button>
          <button type="submit" form="mod-bulk" name="one" value={`hide:${c.id}`}>
            {t('comments.admin.hide')}
          </button>
          <button type="submit" form="mod-bulk" name="one" value={`${c.featured ? 'unfeature' : 'feature'}:${c.id}`}>
            {t(c.featured ? 'comments.admin.unfeature' : 'comments.admin.feature')}
          </button>
          {item.reports.length > 0 && (
            <button type="submit" form="mod-bulk" name="one" value={`dismiss:${c.id}`}>
              {t('comments.admin.dismiss')}
            </button>
          )}
          {c.userId !== null && (
            <button type="submit" form="mod-bulk" name="one" value={`suspend:${c.id}`}>
              {t('comments.admin.suspend')}
            </button>
          )}
          {c.userId !== null && (
            <button type="submit" form="mod-bulk" name="one" value={`ban:${c.id}`}>
              {t('comments.admin.ban')}
            </button>
          )}
        </div>
      </div>
    </li>
  );
}

/** The whole console page. */
export function ModerationPage(p: ModerationPageProps) {
  const { t } = p;
  return (
    <div class="moderation" data-moderation="">
      {p.notice && (
        <p class="notice" role="status">
          {p.notice}
        </p>
      )}
      {p.error && (
        <p class="error-summary" role="alert">
          {p.error}
        </p>
      )}
      <nav class="mod-queues" aria-label={t('comments.admin.queues')}>
        <ul>
          {p.queues.map((q) => (
            <li>
              <a href={`/admin/comments?queue=${q.queue}`} aria-current={q.queue === p.queue ? 'page' : undefined}>
                {t(`comments.admin.queue.${q.queue}`)}
                {q.count !== undefined && (
                  <>
                    {' '}
                    <span class="count">{q.count}</span>
                  </>
                )}
              </a>
            </li>
          ))}
          <li>
            <a href="/admin/comments/settings">{t('comments.admin.settings')}</a>
          </li>
        </ul>
      </nav>
      <p class="mod-keys" id="mod-keys">
        {t('comments.admin.keys')}
      </p>
      <form id="mod-bulk" method="post" action="/admin/comments/moderate" class="mod-bulk">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <input type="hidden" name="queue" value={p.queue} />
        <fieldset>
          <legend>{t('comments.admin.bulk')}</legend>
          <label for="mod-action">{t('comments.admin.action')}</label>
          <select id="mod-action" name="action">
            {['approve', 'reject', 'hide', 'feature', 'unfeature', 'dismiss', 'suspend', 'ban'].map((a) => (
              <option value={a}>{t(messageKey(`comments.admin.${a}`))}</option>
            ))}
          </select>
          <label for="mod-reason">{t('comments.admin.reason')}</label>
          <input id="mod-reason" name="reason" type="text" maxLength={500} />
          <label for="mod-days">{t('comments.admin.days')}</label>
          <input id="mod-days" name="days" type="number" min={1} max={3650} value="7" />
          <button type="submit" name="bulk" value="1">
            {t('comments.admin.apply')}
          </button>
        </fieldset>
      </form>
      {p.items.length === 0 ? (
        <p class="mod-empty">{t('comments.admin.empty')}</p>
      ) : (
        <ol class="mod-list" role="list" aria-describedby="mod-keys">
          {p.items.map((item, i) => (
            <ItemCard t={t} item={item} now={p.now} index={i} prefixed={p.prefixed ?? false} />
          ))}
        </ol>
      )}
      {p.pages > 1 && (
        <nav class="pagination" aria-label={t('pagination.label')}>
          {p.page > 1 ? (
            <a rel="prev" href={`/admin/comments?queue=${p.queue}&page=${p.page - 1}`}>
              ← {t('pagination.prev')}
            </a>
          ) : (
            <span />
          )}
          <span>{t('pagination.page', { page: p.page, pages: p.pages })}</span>
          {p.page < p.pages ? (
            <a rel="next" href={`/admin/comments?queue=${p.queue}&page=${p.page + 1}`}>
              {t('pagination.next')} →
            </a>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}

export interface SettingsPageProps {
  t: T;
  csrf: string;
  values: {
    bannedWords: string;
    suspectWords: string;
    maxLinks: string;
    premoderateAll: boolean;
    premoderateNew: string;
    minIntervalS: string;
    perHour: string;
    webhookUrl: string;
    webhookSecret: string;
    premoderatedSlugs: string;
  };
  errors?: Record<string, string>;
  notice?: string;
}

/** The moderation settings form: word lists, limits, pre-moderation and the webhook. */
export function ModerationSettingsPage({ t, csrf, values: v, errors = {}, notice }: SettingsPageProps) {
  const err = (k: string) =>
    errors[k] && (
      <p class="error" id={`${k}-error`} role="alert">
        {errors[k]}
      </p>
    );
  return (
    <form method="post" action="/admin/comments/settings" class="mod-settings">
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <p>
        <a href="/admin/comments">← {t('comments.admin.back')}</a>
      </p>
      <input type="hidden" name="_csrf" value={csrf} />
      <div class="field">
        <label for="banned_words">{t('comments.settings.banned')}</label>
        <p class="hint">{t('comments.settings.words_hint')}</p>
        <textarea id="banned_words" name="banned_words" rows={5}>
          {v.bannedWords}
        </textarea>
      </div>
      <div class="field">
        <label for="suspect_words">{t('comments.settings.suspect')}</label>
        <textarea id="suspect_words" name="suspect_words" rows={5}>
          {v.suspectWords}
        </textarea>
      </div>
      <div class="field">
        <label for="max_links">{t('comments.settings.max_links')}</label>
        <input id="max_links" name="max_links" type="number" min={0} max={100} value={v.maxLinks} />
        {err('max_links')}
      </div>
      <div class="field">
        <label for="min_interval">{t('comments.settings.min_interval')}</label>
        <input id="min_interval" name="min_interval" type="number" min={0} max={3600} value={v.minIntervalS} />
        {err('min_interval')}
      </div>
      <div class="field">
        <label for="per_hour">{t('comments.settings.per_hour')}</label>
        <input id="per_hour" name="per_hour" type="number" min={1} max={100000} value={v.perHour} />
        {err('per_hour')}
      </div>
      <div class="field">
        <label for="premoderate_new">{t('comments.settings.premoderate_new')}</label>
        <p class="hint">{t('comments.settings.premoderate_new_hint')}</p>
        <input id="premoderate_new" name="premoderate_new" type="number" min={0} max={1000} value={v.premoderateNew} />
        {err('premoderate_new')}
      </div>
      <div class="field field-check">
        <input id="premoderate_all" name="premoderate_all" type="checkbox" value="1" checked={v.premoderateAll} />
        <label for="premoderate_all">{t('comments.settings.premoderate_all')}</label>
      </div>
      <div class="field">
        <label for="premoderated_slugs">{t('comments.settings.premoderated_slugs')}</label>
        <p class="hint">{t('comments.settings.slugs_hint')}</p>
        <textarea id="premoderated_slugs" name="premoderated_slugs" rows={3}>
          {v.premoderatedSlugs}
        </textarea>
        {err('premoderated_slugs')}
      </div>
      <div class="field">
        <label for="webhook_url">{t('comments.settings.webhook_url')}</label>
        <p class="hint">{t('comments.settings.webhook_hint')}</p>
        <input id="webhook_url" name="webhook_url" type="url" value={v.webhookUrl} />
        {err('webhook_url')}
      </div>
      <div class="field">
        <label for="webhook_secret">{t('comments.settings.webhook_secret')}</label>
        <input id="webhook_secret" name="webhook_secret" type="text" autocomplete="off" value={v.webhookSecret} />
      </div>
      <button type="submit">{t('comments.settings.save')}</button>
    </form>
  );
}
