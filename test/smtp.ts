// A real SMTP server inside the test process: mail sent by the app is delivered here and parsed.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface TestSmtp {
  url: string;
  messages: ParsedMail[];
  waitFor(pred: (m: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  /**
   * Mail is queued by the app and sent by its job queue: a test sets this to send what is queued
   * (`() => app.sendQueuedMail()`), and waitFor and settle call it.
   */
  pump?: () => Promise<unknown>;
  /** Sends whatever is queued now and waits until it arrived. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Starts an SMTP server on a free loopback port that accepts every message. */
export async function startSmtp(): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const waiters: { pred: (m: ParsedMail) => boolean; resolve: (m: ParsedMail) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then((mail) => {
        messages.push(mail);
        for (const w of [...waiters])
          if (w.pred(mail)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(mail);
          }
        done();
      }, done);
    },
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.server.address() as { port: number }).port;
  const smtp: TestSmtp = {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async settle() {
      await smtp.pump?.();
    },
    async waitFor(pred, timeoutMs = 5000) {
      await smtp.pump?.();
      const found = messages.find(pred);
      if (found) return found;
      return new Promise((resolve, reject) => {
        const w = { pred, resolve };
        waiters.push(w);
        setTimeout(() => {
          if (waiters.includes(w)) {
            waiters.splice(waiters.indexOf(w), 1);
            reject(new Error('no matching mail arrived'));
          }
        }, timeoutMs).unref();
      });
    },
    close: () => new Promise((ok) => server.close(() => ok())),
  };
  return smtp;
}
