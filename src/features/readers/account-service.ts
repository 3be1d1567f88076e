// Registration and account life: sign-up with a confirmation mail, sign-in, password reset by
// mail, anonymised deletion. Owns the transactions; each mail is queued in the transaction of the change
// that causes it (platform/mail-queue.ts), so a crash delays it and never loses it.
// Staff accounts are not readers here: they sign in at /admin/login and an admin resets their password.
import type { Ctx } from '../../platform/context.js';
import { type Db, inTransaction, isUniqueViolation } from '../../platform/db.js';
import { queueMail } from '../../platform/mail-queue.js';
import { hashPassword, verifyPassword, verifyPasswordOrDummy } from '../../platform/passwords.js';
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
  /** The id of the reader account with this address, or undefined (staff accounts are not readers). */
  accountId(email: string): Promise<number | undefined>;
  /** The reader account for an email and password, or undefined (deleted, disabled and staff accounts never match). */
  authenticate(email: string, password: string): Promise<Reader | undefined>;
  /** Mails a reset link when the address belongs to a live account; silent otherwise. */
  requestReset(email: string): Promise<void>;
  /** The account a live reset link belongs to, without using it up. */
  peekReset(token: string): Promise<number | undefined>;
  /** Sets a new password through a reset link and ends every session; the account's address, or undefined for a bad link. */
  resetPassword(token: string, password: string): Promise<string | undefined>;
  /** True when the password is the account's own. */
  checkPassword(userId: number, password: string): Promise<boolean>;
  /** Anonymises the account in place and ends its sessions. */
  deleteAccount(userId: number): Promise<void>;
}

/** Builds the account service from the app's context. */
export function createAccountService(ctx: Ctx): AccountService {
  const { db, clock, t } = ctx;
  // Read per mail: the public address may be settled after the app is built (a free port). Links lead to the
  // edition the reader signed up in.
  const base = () => ctx.config.baseUrl.replace(/\/$/, '') + ctx.edition.prefix;

  const siteTitle = async () => (await findSiteInfo(db, ctx.config.baseUrl)).title;
  const send = (tx: Db, to: string, subject: string, text: string) => queueMail(tx, { to, subject, text }, clock());

  const mailConfirmation = async (tx: Db, id: number, email: string, name: string, site: string) => {
    const token = await issueToken(tx, id, 'confirm', clock(), CONFIRM_TTL_MS);
    await send(
      tx,
      email,
      t('account.mail.confirm.subject', { site }),
      t('account.mail.confirm.body', { name, site, link: `${base()}/account/confirm?token=${token}` }),
    );
  };
  const isReader = (acc: { role: string } | undefined) => acc?.role === 'reader';

  return {
    async signUp({ name, email, password }) {
      // Hashed whether or not the address is taken: the time of the answer must not tell which.
      const hash = await hashPassword(password);
      const site = await siteTitle();
      const mailExists = (tx: Db) =>
        send(
          tx,
          email,
          t('account.mail.exists.subject', { site }),
          t('account.mail.exists.body', { site, login: `${base()}/account/login`, reset: `${base()}/account/reset` }),
        );
      try {
        await inTransaction(db, async (tx) => {
          if (await findAccountByEmail(tx, email)) return mailExists(tx);
          const id = await insertReader(tx, { email, name, passwordHash: hash }, clock());
          await mailConfirmation(tx, id, email, name, site);
        });
      } catch (err) {
        // Two sign-ups with one address at once: the unique index decides, the loser is told by mail.
        if (!isUniqueViolation(err)) throw err;
        await inTransaction(db, mailExists);
      }
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
      const site = await siteTitle();
      await inTransaction(db, async (tx) => {
        await expireTokens(tx, userId, 'confirm', clock());
        await mailConfirmation(tx, r.id, r.email, r.name, site);
      });
    },

    async accountId(email) {
      const acc = email ? await findAccountByEmail(db, email) : undefined;
      return isReader(acc) ? acc!.id : undefined;
    },

    async authenticate(email, password) {
      const acc = email ? await findAccountByEmail(db, email) : undefined;
      // One password check whatever the address: unknown, staff and reader answers take the same time.
      const ok = await verifyPasswordOrDummy(password, acc?.passwordHash);
      if (!ok || !acc || !isReader(acc) || acc.deletedAt || acc.disabled) return undefined;
      const { passwordHash: _omit, ...reader } = acc;
      return reader;
    },

    async requestReset(email) {
      const acc = email ? await findAccountByEmail(db, email) : undefined;
      if (!acc || !isReader(acc) || acc.deletedAt || acc.disabled) return;
      const site = await siteTitle();
      await inTransaction(db, async (tx) => {
        const token = await issueToken(tx, acc.id, 'reset', clock(), RESET_TTL_MS);
        await send(
          tx,
          acc.email,
          t('account.mail.reset.subject', { site }),
          t('account.mail.reset.body', { name: acc.name, site, link: `${base()}/account/reset/confirm?token=${token}` }),
        );
      });
    },

    peekReset: (token) => peekToken(db, token, 'reset', clock()),

    async resetPassword(token, password) {
      const hash = await hashPassword(password);
      return inTransaction(db, async (tx) => {
        const id = await consumeToken(tx, token, 'reset', clock());
        if (id === undefined) return undefined;
        const r = await findReaderById(tx, id);
        if (!r || r.deletedAt || r.role !== 'reader') return undefined;
        await updatePasswordHash(tx, id, hash);
        await expireTokens(tx, id, 'reset', clock());
        // The link proves the mailbox is theirs.
        await confirmEmail(tx, id, clock());
        await deleteUserSessions(tx, id);
        return r.email;
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
