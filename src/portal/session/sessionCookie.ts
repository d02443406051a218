/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site posts),
 * Secure and `__Host-`-prefixed when the portal is served over https (PORTAL_URL).
 */
import type { Request, Response } from 'express';
import { parse } from 'cookie';
import type { PortalSettings } from '../../config';

export function isHttps(settings: PortalSettings): boolean {
  return settings.url.startsWith('https:');
}

export function sessionCookieName(settings: PortalSettings): string {
  // The __Host- prefix makes browsers refuse the cookie unless Secure, Path=/ and host-only.
  return isHttps(settings) ? '__Host-phien' : 'phien';
}

export function readSessionCookie(req: Request, settings: PortalSettings): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const value = parse(header)[sessionCookieName(settings)];
  return value && value.length <= 100 ? value : undefined;
}

export function writeSessionCookie(res: Response, settings: PortalSettings, secret: string, maxAgeMs: number): void {
  res.cookie(sessionCookieName(settings), secret, {
    httpOnly: true,
    sameSite: 'lax',
    secure: isHttps(settings),
    path: '/',
    maxAge: maxAgeMs,
  });
}

export function clearSessionCookie(res: Response, settings: PortalSettings): void {
  res.clearCookie(sessionCookieName(settings), { httpOnly: true, sameSite: 'lax', secure: isHttps(settings), path: '/' });
}
