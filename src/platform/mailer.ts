// Outgoing mail: SMTP when SMTP_URL is set, otherwise .eml files in DATA_DIR/outbox (shown in /admin/outbox).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import type nodemailerModule from 'nodemailer';

// Loaded on first use: nodemailer is a sixth of the server's start-up and most processes send nothing at first.
let loaded: typeof nodemailerModule | undefined;
const nodemailer = () => (loaded ??= createRequire(import.meta.url)('nodemailer') as typeof nodemailerModule);

export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  contentType: string;
}
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  replyTo?: string;
  /** Set by the mail queue: the same id on every try, so a receiver can drop a copy sent twice. */
  messageId?: string;
}

export interface Mailer {
  /** Sends (or files) one message; resolves when the SMTP server accepted it or the file is written. */
  send(mail: Mail): Promise<void>;
  /** Where files go when there is no SMTP server; undefined when sending by SMTP. */
  readonly outboxDir: string | undefined;
  close(): void;
}

/** Builds the mailer from configuration. */
export function createMailer(opts: { smtpUrl: string; outboxDir: string; from: string }): Mailer {
  if (opts.smtpUrl) {
    let transport: ReturnType<typeof nodemailerModule.createTransport> | undefined;
    return {
      outboxDir: undefined,
      async send(mail) {
        await (transport ??= nodemailer().createTransport(opts.smtpUrl)).sendMail({ from: opts.from, ...mail });
      },
      close() {
        transport?.close();
      },
    };
  }
  // streamTransport builds the exact RFC 5322 message SMTP would have carried.
  let builder: ReturnType<typeof nodemailerModule.createTransport> | undefined;
  return {
    outboxDir: opts.outboxDir,
    async send(mail) {
      builder ??= nodemailer().createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      const info = await builder.sendMail({ from: opts.from, ...mail });
      mkdirSync(opts.outboxDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
      writeFileSync(join(opts.outboxDir, name), info.message as Buffer);
    },
    close() {
      builder?.close();
    },
  };
}
