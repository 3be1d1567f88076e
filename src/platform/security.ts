// Security headers, computed once: per-request header building costs more than the page itself.
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' https: data:",
    "font-src 'self'",
    // Embedded players, framed only once a reader clicks their facade (features/embeds FRAME_HOSTS).
    'frame-src https://www.youtube-nocookie.com https://player.vimeo.com',
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
});

/** The headers for one app: HSTS is added when the public address is https and the server runs in production. */
export function securityHeaders(config: { baseUrl: string; env: string }): Readonly<Record<string, string>> {
  if (config.env !== 'production' || !config.baseUrl.startsWith('https://')) return SECURITY_HEADERS;
  // Two years, the preload lists' minimum; subdomains are left alone (a newsroom rarely owns them all).
  return Object.freeze({ ...SECURITY_HEADERS, 'strict-transport-security': 'max-age=63072000' });
}
