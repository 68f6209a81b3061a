import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * A one-time message for the page a form redirects to ("3 published; 1 refused: …").
 * Kept in a short-lived cookie scoped to that page's path rather than in the
 * URL, so nobody can send an editor a link that shows a message of their own.
 */
const FLASH_COOKIE = 'newsdesk_flash';

export interface Flash {
  notice?: string;
  error?: string;
}

/** Redirects (303) to `location` (a path under /admin), showing `flash` there once. */
export function redirectWithFlash(reply: FastifyReply, location: string, flash: Flash): FastifyReply {
  const path = location.split(/[?#]/)[0];
  // A cookie holds about 4 KB once URL-encoded: keep each message well inside it.
  const short = (text?: string) => (text && text.length > 500 ? `${text.slice(0, 499)}…` : text);
  const value = JSON.stringify({ notice: short(flash.notice), error: short(flash.error) });
  reply.setCookie(FLASH_COOKIE, value, {
    path,
    httpOnly: true,
    sameSite: 'lax',
    maxAge: 60,
  });
  return reply.redirect(location, 303);
}

/** The message left for this page, if any; clears it so a reload does not show it again. */
export function takeFlash(request: FastifyRequest, reply: FastifyReply): Flash {
  const raw = request.cookies[FLASH_COOKIE];
  if (raw === undefined) return {};
  reply.clearCookie(FLASH_COOKIE, { path: request.url.split(/[?#]/)[0] });
  try {
    const value = JSON.parse(raw) as Flash;
    return {
      notice: typeof value.notice === 'string' ? value.notice : undefined,
      error: typeof value.error === 'string' ? value.error : undefined,
    };
  } catch {
    return {};
  }
}
