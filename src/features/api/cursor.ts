// Opaque cursors: a position in a list (the sort values of the last item shown), base64url JSON with the
// list's name, so a cursor of one list or a forged one is refused with a clear 400 rather than misread.
import { AppError } from '../../platform/errors.js';

/** Encodes a position in the named list. */
export function encodeCursor(list: string, position: (string | number)[]): string {
  return Buffer.from(JSON.stringify([list, ...position])).toString('base64url');
}

/** Decodes a cursor of the named list whose values have these types; throws a 400 naming the parameter otherwise. */
export function decodeCursor<T extends (string | number)[]>(list: string, cursor: string, types: ('string' | 'number')[]): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (
    !Array.isArray(parsed) ||
    parsed[0] !== list ||
    parsed.length !== types.length + 1 ||
    !types.every(
      (t, i) =>
        typeof parsed[i + 1] === t && (t === 'string' ? (parsed[i + 1] as string).length <= 200 : Number.isSafeInteger(parsed[i + 1])),
    )
  )
    throw new AppError('bad_request', 'The cursor is not one this list gave out.', {
      cursor: 'Use the next_cursor of a previous page, unchanged.',
    });
  return parsed.slice(1) as T;
}
