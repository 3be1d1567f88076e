// Staff accounts: the list with an "add" form, and one page per person for role, access and password.
import { type T, messageKey } from '../../../platform/i18n/index.js';
import { formatDate } from '../../../platform/i18n/index.js';
import type { User } from '../../staff/user-store.js';
import { ErrorSummary, Field, Notice } from '../../../platform/ui/admin-layout.js';

const inv = (errors: Record<string, string> | undefined, k: string) =>
  errors?.[k] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${k}-error` } : {};

export interface StaffListProps {
  t: T;
  csrf: string;
  users: User[];
  roles: string[];
  meId: number;
  values: { email: string; name: string; role: string };
  errors?: Record<string, string>;
  notice?: string;
}

/** The body of /admin/staff. */
export function StaffListPage({ t, csrf, users, roles, meId, values, errors, notice }: StaffListProps) {
  return (
    <>
      <Notice text={notice} />
      <div class="table-wrap">
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t('admin.field.name')}</th>
              <th scope="col">{t('admin.staff.email')}</th>
              <th scope="col">{t('admin.staff.role')}</th>
              <th scope="col">{t('admin.staff.state')}</th>
              <th scope="col">{t('admin.staff.since')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr class={u.disabled ? 'disabled' : undefined}>
                <th scope="row" data-label={t('admin.field.name')}>
                  <a href={`/admin/staff/${u.id}`}>{u.name}</a>
                  {u.id === meId && (
                    <>
                      {' '}
                      <span class="meta">{t('admin.staff.you')}</span>
                    </>
                  )}
                </th>
                <td data-label={t('admin.staff.email')}>{u.email}</td>
                <td data-label={t('admin.staff.role')}>{t(`admin.role.${u.role}`)}</td>
                <td data-label={t('admin.staff.state')}>{u.disabled ? t('admin.staff.disabled') : t('admin.staff.active')}</td>
                <td data-label={t('admin.staff.since')}>{formatDate(u.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="add">{t('admin.staff.add')}</h2>
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action="/admin/staff" class="stack-form" novalidate aria-labelledby="add">
        <input type="hidden" name="_csrf" value={csrf} />
        <Field id="email" label={t('admin.staff.email')} error={errors?.email}>
          <input id="email" name="email" type="email" autocomplete="off" required value={values.email} {...inv(errors, 'email')} />
        </Field>
        <Field id="name" label={t('admin.field.name')} error={errors?.name}>
          <input id="name" name="name" type="text" required maxLength={200} value={values.name} {...inv(errors, 'name')} />
        </Field>
        <Field id="role" label={t('admin.staff.role')} error={errors?.role}>
          <select id="role" name="role" {...inv(errors, 'role')}>
            {roles.map((r) => (
              <option value={r} selected={values.role === r}>
                {t(messageKey(`admin.role.${r}`))}
              </option>
            ))}
          </select>
        </Field>
        <Field id="password" label={t('admin.staff.initial_password')} hint={t('admin.staff.password_hint')} error={errors?.password}>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="new-password"
            required
            minLength={10}
            {...inv(errors, 'password')}
          />
        </Field>
        <div class="button-row">
          <button type="submit" class="primary">
            {t('admin.staff.add_submit')}
          </button>
        </div>
      </form>
    </>
  );
}

export interface StaffEditProps {
  t: T;
  csrf: string;
  user: User;
  roles: string[];
  isMe: boolean;
  errors?: Record<string, string>;
  notice?: string;
}

/** The body of /admin/staff/:id. */
export function StaffEditPage({ t, csrf, user, roles, isMe, errors, notice }: StaffEditProps) {
  const base = `/admin/staff/${user.id}`;
  return (
    <>
      <Notice text={notice} />
      <ErrorSummary t={t} errors={errors} />
      <dl class="facts">
        <dt>{t('admin.staff.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('admin.staff.role')}</dt>
        <dd>{t(`admin.role.${user.role}`)}</dd>
        <dt>{t('admin.staff.state')}</dt>
        <dd>{user.disabled ? t('admin.staff.disabled') : t('admin.staff.active')}</dd>
      </dl>
      <section class="panel" aria-labelledby="role-h">
        <h2 id="role-h">{t('admin.staff.change_role')}</h2>
        <p class="hint">{t('admin.staff.sessions_end')}</p>
        <form method="post" action={`${base}/role`} class="inline-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <Field id="role" label={t('admin.staff.role')} error={errors?.role}>
            <select id="role" name="role" {...inv(errors, 'role')}>
              {roles.map((r) => (
                <option value={r} selected={user.role === r}>
                  {t(messageKey(`admin.role.${r}`))}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit">{t('admin.staff.change_role_submit')}</button>
        </form>
      </section>
      <section class="panel" aria-labelledby="access-h">
        <h2 id="access-h">{t('admin.staff.access')}</h2>
        <form method="post" action={`${base}/status`} class="inline-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="disabled" value={user.disabled ? '0' : '1'} />
          {errors?.disabled && (
            <p class="error" id="disabled" role="alert">
              {errors.disabled}
            </p>
          )}
          <button type="submit" class={user.disabled ? undefined : 'danger'}>
            {user.disabled ? t('admin.staff.enable') : isMe ? t('admin.staff.disable_me') : t('admin.staff.disable')}
          </button>
        </form>
      </section>
      <section class="panel" aria-labelledby="password-h">
        <h2 id="password-h">{t('admin.staff.reset_password')}</h2>
        <form method="post" action={`${base}/password`} class="inline-form">
          <input type="hidden" name="_csrf" value={csrf} />
          <Field id="password" label={t('admin.staff.new_password')} hint={t('admin.staff.password_hint')} error={errors?.password}>
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="new-password"
              required
              minLength={10}
              {...inv(errors, 'password')}
            />
          </Field>
          <button type="submit">{t('admin.staff.reset_submit')}</button>
        </form>
      </section>
      <p>
        <a href="/admin/staff">{t('admin.staff.back')}</a>
      </p>
    </>
  );
}
