/**
 * The web site's security headers, one definition for CloudFront (response headers policy) and the local
 * gateway: a strict Content-Security-Policy (no inline script or style, no third-party host), HSTS, no framing.
 */
export interface SiteOrigins {
  /** Origins the pages may call: the API, and Cognito's managed login domain for the token exchange. */
  readonly connect: readonly string[];
}

export const contentSecurityPolicy = ({ connect }: SiteOrigins): string =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${connect.length ? ` ${connect.join(' ')}` : ''}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');

export const HSTS_MAX_AGE_SECONDS = 63_072_000; // two years, as preload lists expect

/** Headers every page and asset is served with (CloudFront adds HSTS itself through its policy). */
export const siteHeaders = (origins: SiteOrigins): Record<string, string> => ({
  'content-security-policy': contentSecurityPolicy(origins),
  'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(self)',
});
