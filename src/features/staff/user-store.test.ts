import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIALECTS, freshDb } from '../../../test/db.js';
import type { Db } from '../../platform/db.js';
import {
  countActiveAdmins,
  findUserByEmail,
  findUserWithHashByEmail,
  insertUser,
  isUserRole,
  isValidEmail,
  listUsers,
  setUserDisabled,
  updateUserRole,
} from './user-store.js';

const NOW = new Date('2026-01-15T10:00:00Z');

describe.each(DIALECTS)('user store on %s', (dialect) => {
  let db: Db;
  let close: () => Promise<void>;
  beforeEach(async () => ({ db, close } = await freshDb(dialect)));
  afterEach(() => close());

  it('inserts with a normalised email and finds case-insensitively', async () => {
    const id = await insertUser(db, { email: '  Editor@Example.ORG ', name: ' Ed ', role: 'editor', passwordHash: 'h' }, NOW);
    const u = await findUserByEmail(db, 'EDITOR@example.org');
    expect(u).toEqual({ id, email: 'editor@example.org', name: 'Ed', role: 'editor', createdAt: NOW.toISOString(), disabled: false });
    expect((await findUserWithHashByEmail(db, 'editor@example.org'))?.passwordHash).toBe('h');
    expect(await findUserByEmail(db, 'nobody@example.org')).toBeUndefined();
  });

  it('lists staff by role, changes roles and counts active admins', async () => {
    await insertUser(db, { email: 'b@example.org', name: 'Bea', role: 'author', passwordHash: 'h' }, NOW);
    const a = await insertUser(db, { email: 'a@example.org', name: 'Zed', role: 'admin', passwordHash: 'h' }, NOW);
    await insertUser(db, { email: 'r@example.org', name: 'Reader', role: 'reader', passwordHash: 'h' }, NOW);
    expect((await listUsers(db)).map((u) => u.name)).toEqual(['Zed', 'Bea']);
    expect(await listUsers(db, { includeReaders: true })).toHaveLength(3);
    expect(await countActiveAdmins(db)).toBe(1);
    await setUserDisabled(db, a, true);
    expect(await countActiveAdmins(db)).toBe(0);
    expect((await findUserByEmail(db, 'a@example.org'))?.disabled).toBe(true);
    await updateUserRole(db, a, 'moderator');
    expect((await findUserByEmail(db, 'a@example.org'))?.role).toBe('moderator');
  });
});

describe('user validation', () => {
  it('accepts plausible emails and known roles only', () => {
    expect(isValidEmail('a.b@example.org')).toBe(true);
    expect(isValidEmail('no-at-sign')).toBe(false);
    expect(isValidEmail('a@b')).toBe(false);
    expect(isUserRole('editor')).toBe(true);
    expect(isUserRole('boss')).toBe(false);
  });
});
