import { describe, expect, it } from 'vitest';
import { renderToString } from 'preact-render-to-string';
import { checkGuard, guardFields, guardStamp, HONEYPOT_FIELD, STAMP_FIELD } from './form-guard.js';

const SECRET = 'guard-secret-guard-secret-guard-secret';
const T0 = new Date('2026-05-01T10:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

describe('form guard', () => {
  it('renders a hidden honeypot and a signed stamp', () => {
    const html = renderToString(guardFields(T0, SECRET));
    expect(html).toContain(`name="${HONEYPOT_FIELD}"`);
    expect(html).toContain('class="form-guard"');
    expect(html).toContain('aria-hidden="true"');
    expect(html).toContain(`name="${STAMP_FIELD}" value="${guardStamp(T0, SECRET)}"`);
  });

  it('passes a form filled in at human speed with an empty honeypot', () => {
    expect(checkGuard({ [STAMP_FIELD]: guardStamp(T0, SECRET), [HONEYPOT_FIELD]: '' }, later(5000), SECRET)).toBeUndefined();
    expect(checkGuard({ [STAMP_FIELD]: guardStamp(T0, SECRET) }, later(3000), SECRET)).toBeUndefined();
  });

  it('rejects a filled honeypot, a missing, forged or foreign stamp, too fast and stale forms', () => {
    const stamp = guardStamp(T0, SECRET);
    expect(checkGuard({ [STAMP_FIELD]: stamp, [HONEYPOT_FIELD]: 'http://spam.example' }, later(9000), SECRET)).toBe('honeypot');
    expect(checkGuard({ [STAMP_FIELD]: stamp, [HONEYPOT_FIELD]: ['x'] }, later(9000), SECRET)).toBe('honeypot');
    expect(checkGuard({}, later(9000), SECRET)).toBe('missing');
    expect(checkGuard({ [STAMP_FIELD]: 'junk' }, later(9000), SECRET)).toBe('tampered');
    // Moving the time back to look slower breaks the signature.
    const [, sig] = stamp.split('.');
    expect(checkGuard({ [STAMP_FIELD]: `${T0.getTime() - 60_000}.${sig}` }, later(1000), SECRET)).toBe('tampered');
    expect(checkGuard({ [STAMP_FIELD]: guardStamp(T0, 'another-secret-another-secret-xx') }, later(9000), SECRET)).toBe('tampered');
    expect(checkGuard({ [STAMP_FIELD]: stamp }, later(2999), SECRET)).toBe('too_fast');
    expect(checkGuard({ [STAMP_FIELD]: stamp }, later(500), SECRET, 0)).toBeUndefined();
    expect(checkGuard({ [STAMP_FIELD]: stamp }, later(25 * 3600_000), SECRET)).toBe('expired');
  });
});
