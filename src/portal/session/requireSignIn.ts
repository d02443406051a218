/**
 * Pages for signed-in people only: without a session the person is sent to the sign-in page and,
 * once signed in, back to the page they asked for.
 */
import type { NextFunction, Request, Response } from 'express';
import { safeNext } from './safeNext';

export function signInPath(next?: string): string {
  const target = next === undefined ? '/' : safeNext(next);
  return target === '/' ? '/dang-nhap' : `/dang-nhap?tiep=${encodeURIComponent(target)}`;
}

export function requireSignIn(req: Request, res: Response, next: NextFunction): void {
  if (req.caller?.person) return next();
  // A form posted after the session ended goes back to the page it came from, not to the action.
  res.redirect(303, signInPath(req.method === 'GET' || req.method === 'HEAD' ? req.originalUrl : sameSiteReferer(req)));
}

function sameSiteReferer(req: Request): string | undefined {
  const referer = req.get('referer');
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    return url.host === req.get('host') ? `${url.pathname}${url.search}` : undefined;
  } catch {
    return undefined;
  }
}
