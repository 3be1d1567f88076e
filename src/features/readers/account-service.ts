// Registration and account life: sign-up with a confirmation mail, sign-in, password reset by
// mail, anonymised deletion. Owns the transactions and sends the mails.
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db.js';
import { hashPassword, verifyPassword } from '../../platform/passwords.js';
import { deleteUserSessions } from '../../platform/session.js';
import { findSiteInfo } from '../site/site-store.js';
import { CONFIRM_TTL_MS, deletedEmail, RESET_TTL_MS, type Reader } from './reader.js';
import {
  anonymiseAccount,
  confirmEmail,
  consumeToken,
  expireTokens,
  findAccountByEmail,
  findPasswordHash,
  findReaderById,
  insertReader,
  issueToken,
  peekToken,
  updatePasswordHash,
} from './reader-store.js';

export interface AccountService {
  /** Registers a reader and mails a confirmation link; an existing address gets a reminder mail instead. */
  signUp(input: { name: string; email: string; password: string }): Promise<void>;
  /** Confirms the email behind a link; the account id, or undefined for an unknown, used or expired link. */
  confirm(token: string): Promise<number | undefined>;
  /** Mails a new confirmation link to an unconfirmed account. */
  resendConfirmation(userId: number): Promise<void>;
  /** The account for an email and password, or undefined (deleted and disabled accounts never match). */
  authenticate(email: string, password: string): Promise<Reader | undefined>;
  /** Mails a reset link when the address belongs to a live account; silent otherwise. */
  requestReset(email: string): Promise<void>;
  /** The account a live reset link belongs to, without using it up. */
  peekReset(token: string): Promise<number | undefined>;
  /** Sets a new password through a reset link and ends every session; false for a bad link. */
  resetPassword(token: string, password: string): Promise<boolean>;
  /** True when the password is the account's own. */
  checkPassword(userId: number, password: string): Promise<boolean>;
  /** Anonymises the account in place and ends its sessions. */
  deleteAccount(userId: number): Promise<void>;
}

/** Builds the account service from the app's context. */
export function createAccountService(ctx: Ctx): AccountService {
  const { db, clock, t, mailer } = ctx;
  // Read per mail: the public address may be settled after the app is built (a free port).
  const base = () => ctx.config.baseUrl.replace(/\/$/, '');
  // Verifying against a throwaway hash keeps unknown addresses as slow as known ones.
  let dummyHash: Promise<string> | undefined;

  const siteTitle = async () => (await findSiteInfo(db, ctx.config.baseUrl)).title;
  const send = async (to: string, subject: string, text: string) => {
    try {
      await mailer.send({ to, subject, text });
    } catch (err) {
      // The page still answers; the reader can ask for the mail again.
      ctx.log.error({ err }, 'account mail not sent');
    }
  };

  const mailConfirmation = async (id: number, email: string, name: string) => {
    const token = await issueToken(db, id, 'confirm', clock(), CONFIRM_TTL_MS);
    const site = await siteTitle();
    await send(
      email,
      t('account.mail.confirm.subject', { site }),
      t('account.mail.confirm.body', { name, site, link: `${base()}/account/confirm?token=${token}` }),
    );
  };

  return {
    async signUp({ name, email, password }) {
      const existing = await findAccountByEmail(db, email);
      const site = await siteTitle();
      const mailExists = () =>
        send(
          email,
          t('account.mail.exists.subject', { site }),
          t('account.mail.exists.body', { site, login: `${base()}/account/login`, reset: `${base()}/account/reset` }),
        );
      if (existing) return mailExists();
      const hash = await hashPassword(password);
      let id: number;
      try {
        id = await insertReader(db, { email, name, passwordHash: hash }, clock());
      } catch (err) {
        // Two sign-ups with one address at once: the unique index decides, the loser is told by mail.
        if (await findAccountByEmail(db, email)) return mailExists();
        throw err;
      }
      await mailConfirmation(id, email, name);
    },

    async confirm(token) {
      return inTransaction(db, async (tx) => {
        const id = await consumeToken(tx, token, 'confirm', clock());
        if (id !== undefined) await confirmEmail(tx, id, clock());
        return id;
      });
    },

    async resendConfirmation(userId) {
      const r = await findReaderById(db, userId);
      if (!r || r.deletedAt || r.emailConfirmedAt) return;
      await expireTokens(db, userId, 'confirm', clock());
      await mailConfirmation(r.id, r.email, r.name);
    },

    async authenticate(email, password) {
      const acc = email ? await findAccountByEmail(db, email) : undefined;
      if (!acc || !acc.passwordHash) {
        dummyHash ??= hashPassword('not a real password');
        await verifyPassword(password, await dummyHash);
        return undefined;
      }
      const ok = await verifyPassword(password, acc.passwordHash);
      if (!ok || acc.deletedAt || acc.disabled) return undefined;
      const { passwordHash: _omit, ...reader } = acc;
      return reader;
    },

    async requestReset(email) {
      const acc = email ? await findAccountByEmail(db, email) : undefined;
      if (!acc || acc.deletedAt || acc.disabled) return;
      const token = await issueToken(db, acc.id, 'reset', clock(), RESET_TTL_MS);
      const site = await siteTitle();
      await send(
        acc.email,
        t('account.mail.reset.subject', { site }),
        t('account.mail.reset.body', { name: acc.name, site, link: `${base()}/account/reset/confirm?token=${token}` }),
      );
    },

    peekReset: (token) => peekToken(db, token, 'reset', clock()),

    async resetPassword(token, password) {
      const hash = await hashPassword(password);
      return inTransaction(db, async (tx) => {
        const id = await consumeToken(tx, token, 'reset', clock());
        if (id === undefined) return false;
        const r = await findReaderById(tx, id);
        if (!r || r.deletedAt) return false;
        await updatePasswordHash(tx, id, hash);
        await expireTokens(tx, id, 'reset', clock());
        // The link proves the mailbox is theirs.
        await confirmEmail(tx, id, clock());
        await deleteUserSessions(tx, id);
        return true;
      });
    },

    async checkPassword(userId, password) {
      const hash = await findPasswordHash(db, userId);
      return hash !== '' && verifyPassword(password, hash);
    },

    async deleteAccount(userId) {
      await inTransaction(db, (tx) =>
        anonymiseAccount(tx, userId, { name: t('account.deleted_name'), email: deletedEmail(userId) }, clock()),
      );
    },
  };
}
