import type { FastifyInstance } from 'fastify';

/**
 * The headers that tell a browser what a page may do: a Content-Security-Policy
 * and its companions. Written by hand rather than through @fastify/helmet:
 * they are the same for every answer of a room, so each room builds its set
 * once and a hook copies it onto every answer (helmet would build them again
 * per request). A page-cache hit needs no hook: its page was stored with them.
 * Answers outside both rooms get the site's set from the server's error and
 * not-found answers; static assets send `nosniff` themselves.
 *
 * - **The reader site** runs only its own script (`/assets/site.*.js`, the
 *   view beacon) and its own stylesheet; pictures may come from any https
 *   address, as a body's image may; other sites may not frame its pages.
 *   No Cross-Origin-Opener-Policy: see below.
 * - **The back office** runs only its own scripts too (the editor bundle and
 *   `admin.js`), styles only from its stylesheet (TipTap's injected style is
 *   off, its rules are in admin.css), may not be framed at all, and sends no
 *   referrer beyond itself: its URLs name drafts.
 *
 * No inline script is allowed anywhere (`script-src 'self'`); JSON-LD and the
 * editor's JSON data are data blocks, which a policy does not govern. On an
 * https site, HSTS and `upgrade-insecure-requests` are added.
 */
export type Room = 'site' | 'back office';

export function securityHeaders(room: Room, siteUrl: string): Record<string, string> {
  const https = new URL(siteUrl).protocol === 'https:';
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    room === 'site' ? "img-src 'self' https: data:" : "img-src 'self' https: data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' https:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    room === 'site' ? "frame-ancestors 'self'" : "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return {
    'content-security-policy': policy.join('; '),
    'x-content-type-options': 'nosniff',
    // For browsers that predate frame-ancestors.
    'x-frame-options': room === 'site' ? 'SAMEORIGIN' : 'DENY',
    'referrer-policy': room === 'site' ? 'strict-origin-when-cross-origin' : 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
    // The back office's windows keep to themselves. Not the reader's pages: public, holding
    // nothing of a reader's, and with it Chromium gave the article page a new browsing context
    // group on arrival, which took Lighthouse's performance score from 98-100 to 75-90
    // (total blocking time 70-140 ms against 380-1,170; docs/PERFORMANCE.md).
    ...(room === 'back office' ? { 'cross-origin-opener-policy': 'same-origin' } : {}),
    ...(https ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
}

/**
 * Sends the room's headers on every answer of the scope that reaches the hook.
 */
export function sendSecurityHeaders(scope: FastifyInstance, room: Room, siteUrl: string): void {
  const headers = securityHeaders(room, siteUrl);
  scope.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
