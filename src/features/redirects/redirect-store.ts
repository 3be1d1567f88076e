// Old addresses of imported pages and where they live now: every query of the redirects table.
import type { Db } from '../../platform/db.js';

/** The form a path is kept and looked up in: no trailing slash (but "/"), no fragment, at most 1000 characters. */
export function normalizeRedirectPath(path: string): string | undefined {
  let p = path.split('#')[0]!.trim();
  if (!p.startsWith('/') || p.startsWith('//') || p.length > 1000) return undefined;
  const q = p.indexOf('?');
  const [pathname, query] = q === -1 ? [p, ''] : [p.slice(0, q), p.slice(q)];
  p = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return (p || '/') + (query === '?' ? '' : query);
}

/** Keeps (or re-points) one old address; a path that is not a local path is ignored. */
export async function upsertRedirect(db: Db, fromPath: string, toPath: string, now: Date): Promise<boolean> {
  const from = normalizeRedirectPath(fromPath);
  if (!from || from === '/' || from === toPath) return false;
  await db
    .insertInto('redirects')
    .values({ from_path: from, to_path: toPath, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('from_path').doUpdateSet({ to_path: toPath }))
    .execute();
  return true;
}

/** Where an old address moved to: the path with its query first ("/?p=12"), then the path alone. */
export async function findRedirect(db: Db, url: string): Promise<string | undefined> {
  const full = normalizeRedirectPath(url);
  if (!full) return undefined;
  const q = full.indexOf('?');
  const candidates = q === -1 ? [full] : [full, normalizeRedirectPath(full.slice(0, q))!];
  const rows = await db.selectFrom('redirects').select(['from_path', 'to_path']).where('from_path', 'in', candidates).execute();
  for (const c of candidates) {
    const hit = rows.find((r) => r.from_path === c);
    if (hit) return hit.to_path;
  }
  return undefined;
}

/** How many old addresses are kept. */
export async function countRedirects(db: Db): Promise<number> {
  const r = await db
    .selectFrom('redirects')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
