// Partner webhooks against a real HTTP receiver: the admin registers an endpoint (secret shown once), a change
// reaches it signed and in the documented schema, failures are retried with growing pauses and then pause the
// endpoint with a mail to its owner, the log sends a delivery again, and a crash after the commit still
// delivers exactly once.
import { createServer, type Server } from 'node:http';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/app.js';
import { DIALECTS } from '../../../test/db.js';
import { makeAuthor } from '../../../test/factories.js';
import { createJobRunner, enqueueJob } from '../../platform/jobs.js';
import { verify } from './webhook.js';
import { webhookJobs } from './webhook-service.js';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => Ajv2020;

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}
let server: Server;
let base = '';
let answer = 200;
const received: Received[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answer;
      res.end(answer === 200 ? 'thanks' : 'receiver is down');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

let now = new Date('2026-03-01T12:00:00Z');
const later = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

describe.each(DIALECTS)('partner webhooks on %s', (dialect) => {
  let app: TestApp;
  let admin: { cookie: string; csrf: string; userId: number };
  let author: number;

  beforeEach(async () => {
    now = new Date('2026-03-01T12:00:00Z');
    received.length = 0;
    answer = 200;
    // The receiver listens on loopback: allowed by name, as an operator would allow a partner on the internal network.
    app = await testApp(dialect, { pageCache: false, outboundAllowedHosts: ['127.0.0.1'] }, { clock: () => now });
    admin = await app.signIn('admin');
    author = await makeAuthor(app.ctx.db, { slug: 'desk' });
  });
  afterEach(() => app.close());

  const form = (url: string, fields: Record<string, string | string[]>) => {
    const params = new URLSearchParams({ _csrf: admin.csrf });
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) params.append(k, one);
    return app.server.inject({
      method: 'POST',
      url,
      headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: params.toString(),
    });
  };

  /** Registers an endpoint through the admin form; returns its id and the secret shown once. */
  async function register(events: string[], owner = ''): Promise<{ id: number; secret: string }> {
    const res = await form('/admin/webhooks', { url: `${base}/hooks`, description: 'Partner app', events, owner_email: owner });
    expect(res.statusCode).toBe(200);
    const secret = /whsec_[A-Za-z0-9+/=]{44}/.exec(res.body)?.[0];
    expect(secret).toBeDefined();
    const row = await app.ctx.db.selectFrom('webhook_endpoints').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const list = await app.server.inject({ url: '/admin/webhooks', headers: { cookie: admin.cookie } });
    expect(list.body).toContain(`${base}/hooks`);
    expect(list.body).not.toContain(secret!);
    return { id: row.id, secret: secret! };
  }

  const publish = (title: string, slug: string) =>
    app.ctx.publishing.save(
      { id: admin.userId, role: 'admin' },
      {
        title,
        slug,
        lead: 'Lead.',
        bodyMd: 'Body text.',
        language: 'en',
        rubricId: null,
        authorIds: [author],
        tagSlugs: [],
        coverUrl: '',
        coverCaption: '',
        coverCredit: '',
        commentsMode: 'on',
      } as never,
      { action: 'publish' },
    );

  /** Runs the webhook jobs that are due (fan-out, then deliveries). */
  const pump = async () => {
    await app.ctx.jobs.runDue(['webhook-event']);
    await app.ctx.jobs.runDue(['webhook-deliver']);
  };

  it('refuses bad forms and private addresses, and delivers a signed event in the documented schema', async () => {
    const bad = await form('/admin/webhooks', { url: 'ftp://x', events: 'article.exploded' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Choose events from the list.');
    const inside = await form('/admin/webhooks', { url: 'http://10.1.2.3/hook', events: 'article.published' });
    expect(inside.statusCode).toBe(422);
    expect(inside.body).toContain('private or local network');
    const editor = await app.signIn('editor');
    expect((await app.server.inject({ url: '/admin/webhooks', headers: { cookie: editor.cookie } })).statusCode).toBe(403);

    const { id, secret } = await register(['article.published', 'article.unpublished']);
    const articleId = await publish('Corridors', 'corridors');
    // Nothing leaves before the job queue runs: the event waits in the outbox, written with the article.
    expect(received).toHaveLength(0);
    await pump();
    expect(received).toHaveLength(1);
    const [hit] = received;
    expect(verify(secret, hit.headers, hit.body, now.getTime())).toBe(true);
    expect(verify(secret, hit.headers, `${hit.body} `, now.getTime())).toBe(false);
    const otherSecret = `${secret.slice(0, 10)}${secret[10] === 'A' ? 'B' : 'A'}${secret.slice(11)}`;
    expect(verify(otherSecret, hit.headers, hit.body, now.getTime())).toBe(false);
    expect(verify(secret, hit.headers, hit.body, now.getTime() + 600_000)).toBe(false);
    expect(hit.headers['webhook-id']).toMatch(/^msg_/);
    const payload = JSON.parse(hit.body);
    expect(payload).toMatchObject({ type: 'article.published', timestamp: now.toISOString(), data: { id: articleId, title: 'Corridors' } });

    // The payload is what the OpenAPI document's webhooks section says.
    const doc = (await app.server.inject('/api/v1/openapi.json')).json();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ ...doc, $id: 'doc' });
    const check = (type: string, body: unknown) => {
      const validate = ajv.getSchema(`doc#/webhooks/${type}/post/requestBody/content/application~1json/schema`);
      expect(validate, type).toBeDefined();
      expect(validate!(body), JSON.stringify(validate!.errors)).toBe(true);
    };
    check('article.published', payload);

    // An edit is not subscribed to; unpublishing is, with the article's tombstone.
    await publish('Corridors, revised', 'corridors').catch(() => undefined);
    await app.ctx.publishing.unpublish({ id: admin.userId, role: 'admin' }, articleId);
    await pump();
    expect(received.map((r) => JSON.parse(r.body).type)).toEqual(['article.published', 'article.unpublished']);
    const tomb = JSON.parse(received[1].body);
    expect(tomb.data).toEqual({ id: articleId, slug: 'corridors', reason: 'unpublished', at: now.toISOString() });
    check('article.unpublished', tomb);

    const log = await app.server.inject({ url: `/admin/webhooks/${id}`, headers: { cookie: admin.cookie } });
    expect(log.statusCode).toBe(200);
    expect(log.body).toContain('article.unpublished');
    expect(log.body).toContain('delivered');
    expect(log.body).toContain('thanks');
  });

  it('tells subscribers of each new fact the engine finds, once, in the documented schema', async () => {
    await register(['fact.added']);
    await app.ctx.publishing.save(
      { id: admin.userId, role: 'admin' },
      {
        title: 'Tokayev in Beijing',
        slug: 'tokayev-in-beijing',
        lead: '',
        bodyMd: 'President Kassym-Jomart Tokayev of Kazakhstan arrived in Beijing on 2 March 2026 on a state visit to China.',
        language: 'en',
        rubricId: null,
        authorIds: [author],
        tagSlugs: [],
        coverUrl: '',
        coverCaption: '',
        coverCredit: '',
        commentsMode: 'on',
      } as never,
      { action: 'publish' },
    );
    await app.ctx.jobs.runDue(['extract-article']);
    await pump();
    const facts = received.map((r) => JSON.parse(r.body)).filter((p) => p.type === 'fact.added');
    expect(facts.length).toBeGreaterThan(0);
    expect(facts.map((p) => p.data.type)).toContain('visit');
    const visit = facts.find((p) => p.data.type === 'visit');
    expect(visit.data.evidence.text).toContain('state visit');
    const doc = (await app.server.inject('/api/v1/openapi.json')).json();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ ...doc, $id: 'doc' });
    const validate = ajv.getSchema('doc#/webhooks/fact.added/post/requestBody/content/application~1json/schema');
    expect(validate!(visit), JSON.stringify(validate!.errors)).toBe(true);

    // Reading the article again finds the same facts: nothing new is told.
    const before = received.length;
    await enqueueJob(app.ctx.db, 'extract-article', now, { articleId: visit.data.article.id }, now);
    await app.ctx.jobs.runDue(['extract-article']);
    await pump();
    expect(received.length).toBe(before);
  });

  it('retries a failing receiver with growing pauses, and sends again from the log', async () => {
    const { id } = await register(['article.published']);
    answer = 503;
    await publish('Corridors', 'corridors');
    await pump();
    expect(received).toHaveLength(1);
    const delivery = await app.ctx.db.selectFrom('webhook_deliveries').selectAll().executeTakeFirstOrThrow();
    expect(delivery).toMatchObject({ status: 'pending', response_status: 503, response_excerpt: 'receiver is down' });
    // Not before its pause: 30 seconds after the first failure, then two minutes.
    later(20_000);
    await pump();
    expect(received).toHaveLength(1);
    later(11_000);
    await pump();
    expect(received).toHaveLength(2);
    later(60_000);
    await pump();
    expect(received).toHaveLength(2);
    answer = 200;
    later(61_000);
    await pump();
    expect(received).toHaveLength(3);
    // Every attempt is the same message: the same id, so the receiver can drop repeats.
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const done = await app.ctx.db.selectFrom('webhook_deliveries').selectAll().executeTakeFirstOrThrow();
    expect(done).toMatchObject({ status: 'delivered', response_status: 200 });
    expect(Number(done.attempts)).toBe(3);

    // "Send again" from the log: one more POST, with the same id.
    const resend = await form(`/admin/webhooks/${id}/deliveries/${done.id}/resend`, {});
    expect(resend.statusCode).toBe(303);
    await pump();
    expect(received).toHaveLength(4);
    expect(received[3].headers['webhook-id']).toBe(done.id);
    expect((await form(`/admin/webhooks/${id}/deliveries/msg_unknown/resend`, {})).statusCode).toBe(404);
  });

  it('pauses an endpoint that keeps failing, tells its owner, and resumes', async () => {
    const { id } = await register(['article.published'], 'partner@example.org');
    answer = 500;
    await publish('One', 'one');
    await publish('Two', 'two');
    for (let i = 0; i < 12; i++) {
      await pump();
      later(3 * 3600_000);
    }
    const endpoint = await app.ctx.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(Number(endpoint.enabled)).toBe(0);
    expect(endpoint.disabled_reason).toBe('10 failed attempts in a row');
    // Ten attempts in all, then nothing more while paused.
    expect(received).toHaveLength(10);
    const mails = await app.ctx.db.selectFrom('jobs').select('payload').where('kind', '=', 'send-mail').execute();
    const paused = mails.map((m) => JSON.parse(m.payload).mail).filter((m) => m.to === 'partner@example.org');
    expect(paused).toHaveLength(1);
    expect(paused[0].subject).toBe('Webhook deliveries paused');
    expect(paused[0].text).toContain(`/admin/webhooks/${id}`);
    await publish('Three', 'three');
    await pump();
    expect(received).toHaveLength(10);

    const page = await app.server.inject({ url: `/admin/webhooks/${id}`, headers: { cookie: admin.cookie } });
    expect(page.body).toContain('Paused: 10 failed attempts in a row');
    expect((await form(`/admin/webhooks/${id}/enable`, {})).statusCode).toBe(303);
    answer = 200;
    await publish('Four', 'four');
    await pump();
    expect(received.map((r) => JSON.parse(r.body).data.title).at(-1)).toBe('Four');
  });

  it('delivers once after a crash between the commit and the send', async () => {
    const { secret } = await register(['article.published']);
    await publish('Corridors', 'corridors');
    // The process that committed the article died before its poller ran: a new runner (a restarted
    // instance) finds the event in the outbox and delivers it.
    const restarted = createJobRunner(app.ctx.db, webhookJobs(app.ctx), () => now, { error: () => undefined });
    await restarted.runDue(['webhook-event']);
    // This one dies after taking the delivery's job, before sending: the job is taken again after five minutes.
    await app.ctx.db
      .updateTable('jobs')
      .set({ status: 'running', run_at: now.toISOString() })
      .where('kind', '=', 'webhook-deliver')
      .execute();
    await restarted.runDue();
    expect(received).toHaveLength(0);
    later(5 * 60_000 + 1000);
    await restarted.runDue();
    await restarted.runDue();
    await pump();
    expect(received).toHaveLength(1);
    expect(verify(secret, received[0].headers, received[0].body, now.getTime())).toBe(true);
    // The fan-out run again (a stale job taken twice) queues nothing new.
    const event = await app.ctx.db.selectFrom('jobs').select(['id']).where('kind', '=', 'webhook-event').executeTakeFirstOrThrow();
    await app.ctx.db.updateTable('jobs').set({ status: 'pending' }).where('id', '=', event.id).execute();
    await pump();
    expect(received).toHaveLength(1);
    expect(await app.ctx.db.selectFrom('webhook_deliveries').select('id').execute()).toHaveLength(1);
  });
});
