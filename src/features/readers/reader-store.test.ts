import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../../test/db.js';
import type { Db } from '../../platform/db.js';
import { deletedEmail, readerCanComment } from './reader.js';
import {
  anonymiseAccount,
  confirmEmail,
  consumeToken,
  findAccountByEmail,
  findReaderById,
  insertReader,
  issueToken,
  listReadersByIds,
  peekToken,
  updateNotifyReplies,
  updateReaderName,
} from './reader-store.js';

const NOW = new Date('2026-03-01T12:00:00Z');

describe.each(DIALECTS)('reader store on %s', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ db, close } = await freshDb(dialect));
  });
  afterEach(async () => {
    await close();
  });

  it('inserts an unconfirmed reader who cannot comment until confirmed', async () => {
    const id = await insertReader(db, { email: 'ada@example.org', name: 'Ada', passwordHash: 'x' }, NOW);
    const r = (await findReaderById(db, id))!;
    expect(r).toMatchObject({
      email: 'ada@example.org',
      name: 'Ada',
      role: 'reader',
      emailConfirmedAt: null,
      notifyReplies: true,
      deletedAt: null,
      disabled: false,
    });
    expect(readerCanComment(r)).toBe(false);
    await confirmEmail(db, id, NOW);
    const c = (await findReaderById(db, id))!;
    expect(c.emailConfirmedAt).toBe(NOW.toISOString());
    expect(readerCanComment(c)).toBe(true);
    expect((await findAccountByEmail(db, 'ada@example.org'))?.passwordHash).toBe('x');
  });

  it('tokens are single use and expire', async () => {
    const id = await insertReader(db, { email: 'b@example.org', name: 'Bo', passwordHash: 'x' }, NOW);
    const token = await issueToken(db, id, 'confirm', NOW, 3600_000);
    const stored = await db.selectFrom('user_tokens').selectAll().execute();
    expect(stored[0].id).not.toBe(token); // only the hash is kept
    expect(await peekToken(db, token, 'reset', NOW)).toBeUndefined();
    expect(await peekToken(db, token, 'confirm', NOW)).toBe(id);
    expect(await consumeToken(db, token, 'confirm', NOW)).toBe(id);
    expect(await consumeToken(db, token, 'confirm', NOW)).toBeUndefined();
    const late = await issueToken(db, id, 'confirm', NOW, 3600_000);
    expect(await consumeToken(db, late, 'confirm', new Date(NOW.getTime() + 3600_001))).toBeUndefined();
    expect(await consumeToken(db, '../../nope', 'confirm', NOW)).toBeUndefined();
  });

  it('updates name and preference, anonymises without deleting the row', async () => {
    const id = await insertReader(db, { email: 'c@example.org', name: 'Cy', passwordHash: 'x' }, NOW);
    await updateReaderName(db, id, 'Cyrus');
    await updateNotifyReplies(db, id, false);
    expect(await findReaderById(db, id)).toMatchObject({ name: 'Cyrus', notifyReplies: false });
    await anonymiseAccount(db, id, { name: 'Deleted user', email: deletedEmail(id) }, NOW);
    const r = (await findReaderById(db, id))!;
    expect(r).toMatchObject({ name: 'Deleted user', email: `deleted-${id}@invalid`, deletedAt: NOW.toISOString() });
    expect(readerCanComment({ ...r, emailConfirmedAt: NOW.toISOString() })).toBe(false);
    expect((await findAccountByEmail(db, deletedEmail(id)))?.passwordHash).toBe('');
    expect([...(await listReadersByIds(db, [id, id, 999])).keys()]).toEqual([id]);
  });
});
