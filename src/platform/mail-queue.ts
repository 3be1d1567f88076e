// The transactional outbox for mail: a message is a job row written in the same transaction as the change
// that causes it, and the job queue sends it. A crash before the commit sends nothing; a crash after it
// delays the mail to the next poll (of this instance or another), never loses it. The Message-ID is fixed
// when the row is written, so the rare copy sent twice (a crash after the SMTP server took the message but
// before the row was marked done) carries the same id and is dropped by mail systems that deduplicate.
import { randomUUID } from 'node:crypto';
import type { Db } from './db.js';
import { enqueueJob, type JobHandler } from './jobs.js';
import type { Mail, MailAttachment, Mailer } from './mailer.js';

export const SEND_MAIL_JOB = 'send-mail';

type StoredAttachment = Omit<MailAttachment, 'content'> & { content: string; base64?: boolean };
interface StoredMail extends Omit<Mail, 'attachments'> {
  attachments?: StoredAttachment[];
}

/** Queues a mail in the caller's transaction (pass the transaction as db); the job queue sends it. */
export async function queueMail(db: Db, mail: Mail, now: Date): Promise<void> {
  const stored: StoredMail = {
    ...mail,
    messageId: mail.messageId ?? `<${randomUUID()}@chancery.invalid>`,
    attachments: mail.attachments?.map((a) =>
      Buffer.isBuffer(a.content) ? { ...a, content: a.content.toString('base64'), base64: true } : { ...a, content: a.content },
    ),
  };
  if (!stored.attachments) delete stored.attachments;
  await enqueueJob(db, SEND_MAIL_JOB, now, { mail: stored }, now);
}

/** The job that sends one queued mail; a failure is retried by the queue with a growing pause. */
export function sendMailJob(mailer: Mailer): JobHandler {
  return async (payload: { mail: StoredMail }) => {
    const m = payload.mail;
    await mailer.send({
      ...m,
      attachments: m.attachments?.map(({ base64, ...a }) => ({ ...a, content: base64 ? Buffer.from(a.content, 'base64') : a.content })),
    });
  };
}
