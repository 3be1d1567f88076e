// The webhook phase against a real local HTTP server: signed body, answers obeyed, timeouts and errors hold.
import { createServer, type Server } from 'node:http';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookPhase } from './webhook-phase.js';
import { guardedPost } from '../../../platform/outbound.js';

// The test's peer listens on loopback: allowed by name, as an operator would allow an internal service.
const local = webhookPhase(guardedPost(['127.0.0.1']));
import { DEFAULT_SETTINGS, type ModerationInput } from './phase.js';

let server: Server;
let url = '';
let mode: 'approve' | 'reject' | 'slow' | 'error' = 'approve';
const received: { body: string; signature: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ body, signature: String(req.headers['x-chancery-signature']) });
      if (mode === 'slow') {
        setTimeout(() => res.end('{"action":"approve"}'), 1500);
        return;
      }
      if (mode === 'error') {
        res.statusCode = 500;
        res.end('boom');
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(mode === 'reject' ? { action: 'reject', reason: 'Spam network' } : { action: 'approve' }));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/moderate`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
});

const input = (timeout = 2000): ModerationInput => ({
  body: 'Hello <b>world</b>',
  now: new Date('2026-03-01T12:00:00Z'),
  recent: [],
  author: { id: 7, name: 'Anna', role: 'reader', createdAt: '2026-01-01T00:00:00Z', approvedCount: 0 },
  article: { id: 1, slug: 'water-talks', title: 'Water talks', premoderate: false },
  settings: { ...DEFAULT_SETTINGS, webhookUrl: url, webhookSecret: 's3cret', webhookTimeoutMs: timeout },
});

describe('webhook phase', () => {
  it('posts JSON signed with HMAC-SHA256 of the body and follows an approval', async () => {
    mode = 'approve';
    expect(await local.run(input())).toBeUndefined();
    const last = received.at(-1)!;
    expect(last.signature).toBe('sha256=' + createHmac('sha256', 's3cret').update(last.body).digest('hex'));
    expect(JSON.parse(last.body)).toMatchObject({
      type: 'comment.created',
      comment: { body: 'Hello <b>world</b>' },
      article: { slug: 'water-talks' },
      author: { id: 7 },
    });
  });

  it('rejects with the reason the service gives', async () => {
    mode = 'reject';
    expect(await local.run(input())).toMatchObject({
      action: 'reject',
      reason: { key: 'comments.reason.webhook', vars: { reason: 'Spam network' } },
    });
  });

  it('holds the comment when the service is slower than the timeout, fails or cannot be reached', async () => {
    mode = 'slow';
    const started = Date.now();
    expect(await local.run(input(300))).toMatchObject({ action: 'hold', reason: { vars: { detail: 'timeout' } } });
    expect(Date.now() - started).toBeLessThan(1200);
    mode = 'error';
    expect(await local.run(input())).toMatchObject({ action: 'hold' });
    expect(await local.run({ ...input(), settings: { ...input().settings, webhookUrl: 'http://127.0.0.1:1/nothing' } })).toMatchObject({
      action: 'hold',
    });
  });

  it('does nothing without a URL', async () => {
    expect(await local.run({ ...input(), settings: DEFAULT_SETTINGS })).toBeUndefined();
  });
});

describe('the webhook reaches public addresses only', () => {
  it('holds the comment, without sending it, for loopback, private, metadata and local names unless allowed', async () => {
    mode = 'approve';
    const before = received.length;
    const guarded = webhookPhase();
    for (const target of [
      url,
      'http://10.0.0.1:9/x',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]:9/x',
      url.replace('127.0.0.1', 'localhost'),
    ]) {
      const verdict = await guarded.run({ ...input(500), settings: { ...input(500).settings, webhookUrl: target } });
      expect(verdict).toMatchObject({ action: 'hold', reason: { vars: { detail: 'address not allowed' } } });
    }
    expect(received.length).toBe(before);
    expect(await local.run(input())).toBeUndefined();
    expect(received.length).toBe(before + 1);
  });
});
