import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, type TestSmtp } from '../../test/smtp.js';
import { createMailer } from './mailer.js';

describe('mailer', () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());

  it('delivers through SMTP with attachments', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url, outboxDir: '/nonexistent', from: 'Desk <desk@example.org>' });
    await mailer.send({
      to: 'reader@example.org',
      subject: 'Подтвердите адрес',
      text: 'Open https://example.org/confirm?token=abc',
      attachments: [{ filename: 'event.ics', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', contentType: 'text/calendar' }],
    });
    const m = await smtp.waitFor((x) => x.subject === 'Подтвердите адрес');
    expect(m.text).toContain('https://example.org/confirm?token=abc');
    expect(m.attachments[0].filename).toBe('event.ics');
    expect(m.from?.text).toContain('desk@example.org');
    mailer.close();
  });

  it('files messages in the outbox without an SMTP server', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'outbox-')), 'outbox');
    const mailer = createMailer({ smtpUrl: '', outboxDir: dir, from: 'desk@example.org' });
    await mailer.send({ to: 'a@example.org', subject: 'Hello', text: 'Body text' });
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    const raw = readFileSync(join(dir, files[0]), 'utf8');
    expect(raw).toContain('Subject: Hello');
    expect(raw).toContain('Body text');
  });
});
