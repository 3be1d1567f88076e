// The page where a signed-in reader lets an app act for them (or not).
import type { MessageKey, T } from '../../../platform/i18n/index.js';
import type { Chrome } from '../../../platform/chrome.js';
import { Layout } from '../../../platform/ui/layout.js';

/** What each reader scope lets an app do, in the reader's words (the connected apps page says the same). */
export const READER_SCOPE_TEXT: Record<string, MessageKey> = {
  'comments:write': 'api.consent.scope_comments_write',
  'registrations:write': 'api.consent.scope_registrations_write',
};

/** The consent form: the app's name, what it asks for, Allow and Deny. */
export function ConsentPage(p: {
  t: T;
  chrome: Chrome;
  csrf: string;
  app: string;
  reader: string;
  scopes: string[];
  fields: Record<string, string>;
}) {
  return (
    <Layout
      t={p.t}
      site={p.chrome.site}
      rubrics={p.chrome.rubrics}
      account={p.chrome.account}
      meta={{ title: p.t('api.consent.title', { app: p.app }), path: '/oauth/authorize', noindex: true }}
    >
      <section class="narrow">
        <h1>{p.t('api.consent.title', { app: p.app })}</h1>
        <p>{p.t('api.consent.intro', { app: p.app, reader: p.reader })}</p>
        <ul>
          {p.scopes.map((s) => (
            <li key={s}>{READER_SCOPE_TEXT[s] ? p.t(READER_SCOPE_TEXT[s]) : s}</li>
          ))}
        </ul>
        <p>{p.t('api.consent.password')}</p>
        <form method="post" action="/oauth/authorize">
          <input type="hidden" name="_csrf" value={p.csrf} />
          {Object.entries(p.fields).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <div class="button-row">
            <button type="submit" name="decision" value="allow" class="primary">
              {p.t('api.consent.allow')}
            </button>
            <button type="submit" name="decision" value="deny">
              {p.t('api.consent.deny')}
            </button>
          </div>
        </form>
      </section>
    </Layout>
  );
}
