import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.js';
import { testApp, type TestApp } from '../../../test/app.js';
import { createMailer } from '../../platform/mailer.js';
import { decodeWords, isOutboxName, listOutbox, readOutboxMessage } from './outbox.js';

describe('outbox parsing', () => {
  it('accepts only plain .eml names', () => {
    expect(isOutboxName('2026-06-01T10-00-00-000Z-ab12cd34.eml')).toBe(true);
    for (const bad of ['../x.eml', '..%2Fx.eml', 'a/b.eml', '.hidden.eml', 'x.eml.txt', 'x.txt', '', 'a..eml', 'x\\y.eml'])
      expect(isOutboxName(bad), bad).toBe(false);
  });

  it('decodes encoded words in headers', () => {
    expect(decodeWords('=?UTF-8?Q?Confirmez_votre_adresse_=C3=A0_Chancery?=')).toBe('Confirmez votre adresse à Chancery');
    expect(decodeWords('=?utf-8?B?0J/RgNC40LLQtdGC?= =?utf-8?B?LCDQvNC40YA=?=')).toBe('Привет, мир');
    expect(decodeWords('plain')).toBe('plain');
  });

  it('reads messages filed by the mailer: headers, text part, newest first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outbox-'));
    try {
      const mailer = createMailer({ smtpUrl: '', outboxDir: dir, from: 'Desk <desk@example.org>' });
      await mailer.send({
        to: 'first@example.org',
        subject: 'First',
        text: 'One line\nand a link http://chancery.test/account/confirm?token=abc',
      });
      await mailer.send({
        to: 'second@example.org',
        subject: 'Второе письмо',
        text: 'Текст письма <script>alert(1)</script>',
        html: '<p>HTML part</p>',
      });
      const list = listOutbox(dir);
      expect(list.total).toBe(2);
      const names = list.entries.map((e) => e.name);
      // Equal modification times fall back to the name, which starts with the sending time.
      const t = new Date();
      utimesSync(join(dir, names[0]), t, t);
      utimesSync(join(dir, names[1]), t, t);
      const sorted = listOutbox(dir).entries;
      expect(sorted.map((e) => e.to)).toEqual(['second@example.org', 'first@example.org']);
      expect(sorted[0].subject).toBe('Второе письмо');
      const msg = readOutboxMessage(dir, sorted[0].name)!;
      expect(msg.text.trim()).toBe('Текст письма <script>alert(1)</script>');
      expect(msg.headers.find(([k]) => k === 'Subject')?.[1]).toBe('Второе письмо');
      expect(readOutboxMessage(dir, sorted[1].name)!.text).toContain('token=abc');
      expect(readOutboxMessage(dir, '../' + sorted[0].name)).toBeUndefined();
      expect(readOutboxMessage(dir, 'missing.eml')).toBeUndefined();
      expect(listOutbox(join(dir, 'nope'))).toEqual({ entries: [], total: 0 });
      mailer.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(DIALECTS)('admin outbox on %s', (dialect) => {
  let app: TestApp;
  let root: string;
  let dir: string;
  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'outbox-app-'));
    dir = join(root, 'outbox');
    mkdirSync(dir);
    app = await testApp(dialect, {}, { mailer: createMailer({ smtpUrl: '', outboxDir: dir, from: 'Desk <desk@example.org>' }) });
  });
  afterEach(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('lists filed messages for admins and shows one, escaped', async () => {
    await app.ctx.mailer.send({ to: 'reader@example.org', subject: 'Hello <b>there</b>', text: 'Body with <img src=x onerror=alert(1)>' });
    const admin = await app.signIn('admin');
    const list = await app.server.inject({ url: '/admin/outbox', headers: { cookie: admin.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect(list.body).toContain('reader@example.org');
    expect(list.body).toContain('Hello &lt;b>there&lt;/b>');
    expect(list.body).not.toContain('<b>there</b>');
    expect(list.body).toContain('href="/admin/outbox"'); // navigation link
    const name = /href="\/admin\/outbox\/([^"]+\.eml)"/.exec(list.body)![1];
    const one = await app.server.inject({ url: `/admin/outbox/${name}`, headers: { cookie: admin.cookie } });
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('Body with &lt;img src=x onerror=alert(1)>');
    expect(one.body).not.toContain('<img src=x');
    expect(one.body).toMatch(/<th scope="row">To<\/th><td>reader@example.org<\/td>/);
  });

  it('refuses path traversal and unknown names', async () => {
    writeFileSync(join(root, 'secret.eml'), 'Subject: secret\n\nnot for the outbox');
    const admin = await app.signIn('admin');
    for (const url of [
      '/admin/outbox/..%2Fsecret.eml',
      '/admin/outbox/../secret.eml',
      '/admin/outbox/%2E%2E%2Fsecret.eml',
      '/admin/outbox/..%5Csecret.eml',
      '/admin/outbox/missing.eml',
      '/admin/outbox/x.txt',
    ]) {
      const res = await app.server.inject({ url, headers: { cookie: admin.cookie } });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('not for the outbox');
    }
  });

  it('is for admins only', async () => {
    const editor = await app.signIn('editor');
    expect((await app.server.inject({ url: '/admin/outbox', headers: { cookie: editor.cookie } })).statusCode).toBe(403);
    const reader = await app.signIn('reader');
    expect((await app.server.inject({ url: '/admin/outbox', headers: { cookie: reader.cookie } })).statusCode).toBe(303);
    expect((await app.server.inject({ url: '/admin/outbox' })).statusCode).toBe(303);
  });

  it('says when mail goes through SMTP', async () => {
    const smtpApp = await testApp(dialect, { smtpUrl: 'smtp://127.0.0.1:9', dataDir: root });
    try {
      const admin = await smtpApp.signIn('admin');
      const res = await smtpApp.server.inject({ url: '/admin/outbox', headers: { cookie: admin.cookie } });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('sent through the configured SMTP server');
    } finally {
      await smtpApp.close();
    }
  });
});
