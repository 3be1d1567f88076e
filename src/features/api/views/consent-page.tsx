// The page where a signed-in reader lets an app act for them (or not).
import type { T } from '../../../platform/i18n/index.js';
import type { Chrome } from '../../../platform/chrome.js';
import { Layout } from '../../../platform/ui/layout.js';

const SCOPE_TEXT: Record<string, string> = {
  'comments:write': 'post comments and replies, like and report comments in your name',
  'registrations:write': 'register you for events and cancel your registrations',
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
      meta={{ title: `Allow ${p.app}?`, path: '/oauth/authorize', noindex: true }}
    >
      <section class="narrow">
        <h1>Allow {p.app}?</h1>
        <p>
          {p.app} asks to act for you, {p.reader}, on this site. It will be able to:
        </p>
        <ul>
          {p.scopes.map((s) => (
            <li key={s}>{SCOPE_TEXT[s] ?? s}</li>
          ))}
        </ul>
        <p>It never sees your password. You can withdraw by signing out of the app.</p>
        <form method="post" action="/oauth/authorize">
          <input type="hidden" name="_csrf" value={p.csrf} />
          {Object.entries(p.fields).map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
          <div class="button-row">
            <button type="submit" name="decision" value="allow" class="primary">
              Allow
            </button>
            <button type="submit" name="decision" value="deny">
              Deny
            </button>
          </div>
        </form>
      </section>
    </Layout>
  );
}
