// OAuth 2.0 authorisation code with PKCE: the reader's consent page (/oauth/authorize, HTML, on the site) and
// the app's token endpoint (/api/v1/oauth/token, JSON).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppCtx } from '../../platform/app-context.js';
import { loadChrome } from '../../platform/chrome.js';
import { AppError } from '../../platform/errors.js';
import { csrfBinding, formOf, requireCsrf } from '../../platform/forms.js';
import { renderDocument } from '../../platform/render.js';
import { csrfToken, findSessionUser, SESSION_COOKIE } from '../../platform/session.js';
import { findReaderById } from '../readers/reader-store.js';
import { readerCanComment } from '../readers/reader.js';
import type { ApiRoute } from './api-route.js';
import type { ApiKey } from './api-key.js';
import { findApiKeyByPrefix } from './api-key-store.js';
import {
  ACCESS_TTL_S,
  CODE_TTL_MS,
  challengeOf,
  challengeValid,
  grantedScopes,
  newSecret,
  READER_SCOPES,
  REFRESH_TTL_MS,
  redirectWith,
  sha256hex,
  verifierValid,
} from './oauth.js';
import {
  findLiveToken,
  insertApiToken,
  insertOauthCode,
  listConnectedApps,
  revokeApiToken,
  revokeAppForReader,
  revokeAppToken,
  takeOauthCode,
} from './oauth-store.js';
import { ConnectedAppsPage } from './views/connected-apps-page.js';
import { ConsentPage } from './views/consent-page.js';

const FIELDS = ['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'code_challenge', 'code_challenge_method'] as const;

/** An OAuth error (RFC 6749 section 5.2) as a problem document with the error code beside it. */
export function oauthError(error: string, description: string, status: 'bad_request' | 'unauthorized' = 'bad_request') {
  return Object.assign(new AppError(status, description), { problemExtra: { error, error_description: description } });
}

/** Registers the consent page. */
export function registerOauthPages(app: FastifyInstance, ctx: AppCtx): void {
  /** The request's parameters, checked in the order RFC 6749 asks: errors about the app itself are never redirected. */
  async function check(raw: Record<string, unknown>) {
    const p = Object.fromEntries(FIELDS.map((k) => [k, typeof raw[k] === 'string' ? (raw[k] as string) : ''])) as Record<
      (typeof FIELDS)[number],
      string
    >;
    const prefix = /^[A-Za-z0-9]{12}$/.test(p.client_id) ? p.client_id : undefined;
    const key = prefix ? await findApiKeyByPrefix(ctx.db, prefix) : undefined;
    const now = ctx.clock().toISOString();
    if (!key || key.revokedAt || (key.expiresAt && key.expiresAt <= now))
      throw new AppError('bad_request', 'This app is not known here (client_id).');
    if (!key.redirectUris.includes(p.redirect_uri))
      throw new AppError('bad_request', 'This redirect address is not registered for the app (redirect_uri).');
    const fail = (error: string) => ({ key, p, error });
    if (p.response_type !== 'code') return fail('unsupported_response_type');
    if (p.code_challenge_method !== 'S256' || !challengeValid(p.code_challenge)) return fail('invalid_request');
    const scopes = grantedScopes(p.scope, key.scopes);
    if (!scopes) return fail('invalid_scope');
    return { key, p, scopes };
  }

  async function signedIn(request: FastifyRequest) {
    const user = await findSessionUser(ctx.db, request.cookies[SESSION_COOKIE], ctx.clock());
    const reader = user && (await findReaderById(ctx.db, user.id));
    return reader && readerCanComment(reader) ? reader : undefined;
  }

  app.get('/oauth/authorize', async (request, reply) => {
    const checked = await check(request.query as Record<string, unknown>);
    if ('error' in checked)
      return reply.redirect(redirectWith(checked.p.redirect_uri, { error: checked.error, state: checked.p.state || undefined }), 303);
    const reader = await signedIn(request);
    if (!reader) return reply.redirect(`/account/login?next=${encodeURIComponent(request.url)}`, 303);
    const chrome = await loadChrome(ctx, request);
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
    return reply.send(
      renderDocument(
        ConsentPage({
          t: ctx.t,
          chrome,
          csrf: csrfToken(ctx.config.sessionSecret, csrfBinding(request) ?? ''),
          app: (checked.key as ApiKey).name,
          reader: reader.name,
          scopes: checked.scopes,
          fields: checked.p,
        }),
      ),
    );
  });

  app.get('/.well-known/oauth-authorization-server', async (_request, reply) =>
    reply
      .header('cache-control', 'public, max-age=3600')
      .header('access-control-allow-origin', '*')
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(oauthMetadata(ctx.config.baseUrl, '/api/v1'))),
  );

  /** The signed-in account of this request (reader or staff), for the connected apps page. */
  const accountOf = (request: FastifyRequest) => findSessionUser(ctx.db, request.cookies[SESSION_COOKIE], ctx.clock());

  app.get('/account/apps', async (request, reply) => {
    const user = await accountOf(request);
    if (!user) return reply.redirect('/account/login?next=%2Faccount%2Fapps', 303);
    const chrome = await loadChrome(ctx, request);
    const notice = (request.query as Record<string, unknown>).notice === 'revoked' ? ctx.t('api.apps.notice_revoked') : undefined;
    const binding = csrfBinding(request);
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
    return reply.send(
      renderDocument(
        ConnectedAppsPage({
          t: ctx.t,
          chrome,
          csrf: binding ? csrfToken(ctx.config.sessionSecret, binding) : '',
          apps: await listConnectedApps(ctx.db, user.id, ctx.clock()),
          notice,
        }),
      ),
    );
  });

  app.post('/account/apps/:id/revoke', async (request, reply) => {
    requireCsrf(ctx.config.sessionSecret, request);
    const user = await accountOf(request);
    if (!user) throw new AppError('unauthorized', ctx.t('account.error.signed_out'));
    const id = Number((request.params as { id: string }).id);
    if (!Number.isInteger(id) || id < 1 || id > 2147483647) throw new AppError('not_found', 'No such app.');
    await revokeAppForReader(ctx.db, user.id, id, ctx.clock());
    return reply.redirect('/account/apps?notice=revoked', 303);
  });

  app.post('/oauth/authorize', async (request, reply) => {
    requireCsrf(ctx.config.sessionSecret, request);
    const form = formOf(request);
    const checked = await check(form);
    const state = checked.p.state || undefined;
    if ('error' in checked) return reply.redirect(redirectWith(checked.p.redirect_uri, { error: checked.error, state }), 303);
    const reader = await signedIn(request);
    if (!reader) throw new AppError('unauthorized', 'Sign in to let the app act for you.');
    if (form.decision !== 'allow') return reply.redirect(redirectWith(checked.p.redirect_uri, { error: 'access_denied', state }), 303);
    const code = newSecret('cho');
    await insertOauthCode(ctx.db, {
      hash: sha256hex(code),
      keyId: checked.key.id,
      userId: reader.id,
      redirectUri: checked.p.redirect_uri,
      challenge: checked.p.code_challenge,
      scopes: checked.scopes,
      expiresAt: new Date(ctx.clock().getTime() + CODE_TTL_MS),
    });
    return reply.header('cache-control', 'no-store').redirect(redirectWith(checked.p.redirect_uri, { code, state }), 303);
  });
}

const TOKEN = {
  type: 'object',
  properties: {
    access_token: { type: 'string' },
    token_type: { const: 'Bearer' },
    expires_in: { type: 'integer' },
    refresh_token: { type: 'string' },
    scope: { type: 'string' },
  },
  required: ['access_token', 'token_type', 'expires_in', 'refresh_token', 'scope'],
  additionalProperties: false,
};

/** The token endpoint: codes (with their PKCE verifier) and refresh tokens for access tokens. */
export function oauthApiRoutes(ctx: AppCtx): ApiRoute[] {
  const { db } = ctx;
  async function issue(keyId: number, userId: number, scopes: string[]) {
    const now = ctx.clock();
    const access = newSecret('cht');
    const refresh = newSecret('chr');
    const base = { keyId, userId, scopes: scopes as never[], now };
    await insertApiToken(db, {
      ...base,
      hash: sha256hex(access),
      kind: 'access',
      expiresAt: new Date(now.getTime() + ACCESS_TTL_S * 1000),
    });
    await insertApiToken(db, { ...base, hash: sha256hex(refresh), kind: 'refresh', expiresAt: new Date(now.getTime() + REFRESH_TTL_MS) });
    return { access_token: access, token_type: 'Bearer', expires_in: ACCESS_TTL_S, refresh_token: refresh, scope: scopes.join(' ') };
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : '');

  const token: ApiRoute = {
    method: 'POST',
    url: '/oauth/token',
    operationId: 'token',
    tag: 'Readers',
    scope: 'read',
    summary: 'Exchange an authorisation code (with its PKCE verifier) or a refresh token for a reader access token',
    description:
      'RFC 6749 with PKCE (RFC 7636, S256 only), for public clients: send `application/x-www-form-urlencoded` (or JSON). ' +
      'Start at `/oauth/authorize` on the site. Errors carry the OAuth `error` code beside the problem fields. A refresh token is used once: the answer has a new one.',
    body: {
      type: 'object',
      properties: {
        grant_type: { enum: ['authorization_code', 'refresh_token'] },
        code: { type: 'string', maxLength: 200 },
        redirect_uri: { type: 'string', maxLength: 500 },
        client_id: { type: 'string', maxLength: 50 },
        code_verifier: { type: 'string', maxLength: 200 },
        refresh_token: { type: 'string', maxLength: 200 },
      },
      required: ['grant_type', 'client_id'],
    },
    response: TOKEN,
    async handler(request, reply) {
      reply.header('pragma', 'no-cache');
      const b = request.body as Record<string, unknown>;
      const key = await findApiKeyByPrefix(db, str(b.client_id));
      if (!key || key.revokedAt) throw oauthError('invalid_client', 'This app is not known here.', 'unauthorized');
      const now = ctx.clock();
      if (b.grant_type === 'refresh_token') {
        const hash = sha256hex(str(b.refresh_token));
        const live = await findLiveToken(db, hash, 'refresh', now);
        if (!live || live.keyId !== key.id || !(await revokeApiToken(db, hash, now)))
          throw oauthError('invalid_grant', 'The refresh token is unknown, used, expired or revoked.');
        return issue(key.id, live.userId, live.scopes);
      }
      const verifier = str(b.code_verifier);
      if (!verifierValid(verifier)) throw oauthError('invalid_request', 'code_verifier must be 43 to 128 unreserved characters.');
      const code = await takeOauthCode(db, sha256hex(str(b.code)), now);
      if (!code || code.keyId !== key.id || code.redirectUri !== str(b.redirect_uri) || challengeOf(verifier) !== code.challenge)
        throw oauthError('invalid_grant', 'The code is unknown, used, expired, or does not match this app, address or verifier.');
      return issue(key.id, code.userId, code.scopes);
    },
  };
  const revoke: ApiRoute = {
    method: 'POST',
    url: '/oauth/revoke',
    operationId: 'revokeToken',
    tag: 'Readers',
    scope: 'read',
    summary: 'Revoke an access or refresh token (RFC 7009)',
    description:
      "For an app signing a reader out: send `token` and the app's `client_id` as `application/x-www-form-urlencoded` (or JSON). " +
      'Revoking a refresh token also revokes the access token issued with it. The answer is 200 whether or not the token was live, ' +
      'as RFC 7009 asks, so that an app cannot learn about tokens that are not its own.',
    body: {
      type: 'object',
      properties: {
        token: { type: 'string', maxLength: 200 },
        token_type_hint: { enum: ['access_token', 'refresh_token'] },
        client_id: { type: 'string', maxLength: 50 },
      },
      required: ['token', 'client_id'],
    },
    response: { type: 'object', properties: {}, additionalProperties: false },
    async handler(request, reply) {
      reply.header('pragma', 'no-cache');
      const b = request.body as Record<string, unknown>;
      const key = await findApiKeyByPrefix(db, str(b.client_id));
      if (!key || key.revokedAt) throw oauthError('invalid_client', 'This app is not known here.', 'unauthorized');
      await revokeAppToken(db, sha256hex(str(b.token)), key.id, ctx.clock());
      return {};
    },
  };
  return [token, revoke];
}

/** The authorisation server's metadata (RFC 8414), for apps that discover the endpoints. */
export function oauthMetadata(baseUrl: string, apiPrefix: string) {
  return {
    issuer: baseUrl,
    authorization_endpoint: `${baseUrl}/oauth/authorize`,
    token_endpoint: `${baseUrl}${apiPrefix}/oauth/token`,
    revocation_endpoint: `${baseUrl}${apiPrefix}/oauth/revoke`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none'],
    revocation_endpoint_auth_methods_supported: ['none'],
    scopes_supported: READER_SCOPES,
    service_documentation: `${baseUrl}${apiPrefix}/reference`,
  };
}
