/**
 * Bearer-token authentication: every /api/v1 request names who it is; the actor it resolves to
 * is what every event records.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Actor } from '../../domain/assignment/actor';
import type { Database } from '../../db/database';
import { findActiveToken } from '../../services/apiTokens';
import { Problem } from '../problem';

export interface Caller {
  /** The API token's id (its hash), or `session:<id prefix>` for a person signed in to the portal. */
  tokenId: string;
  actor: Actor & { role: 'secretariat' | 'agency' | 'committee' };
  /** Set when the caller is a person signed in to the portal (not a program with a token). */
  person?: { email: string; agencyCode: string };
}

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
    /** Why the request has no caller: answered by requireCaller, after the rate limit counted it. */
    authFailure?: Problem;
  }
}

const unauthorized = (detail: string) => new Problem(401, 'unauthorized', 'Chưa xác thực', detail);

/**
 * Resolves the bearer token to its caller, or notes why it cannot. The refusal (401) is left to
 * requireCaller, so the rate limit in between counts unauthenticated requests too (per address).
 */
export function authenticate(db: Database) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      req.authFailure = unauthorized('Thiếu mã truy cập: hãy gửi tiêu đề Authorization: Bearer <mã>.');
      return next();
    }
    const token = await findActiveToken(db, match[1]!);
    if (!token) {
      res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      req.authFailure = unauthorized('Mã truy cập không hợp lệ hoặc đã bị thu hồi.');
      return next();
    }
    req.caller = { tokenId: token._id, actor: { role: token.role, agencyCode: token.agencyCode, name: token.name } };
    next();
  };
}

/** Refuses (401) a request authenticate could not resolve to a caller. */
export function requireCaller(req: Request, _res: Response, next: NextFunction) {
  next(req.caller ? undefined : (req.authFailure ?? unauthorized('Chưa xác thực.')));
}

export function callerOf(req: Request): Caller {
  if (!req.caller) throw unauthorized('Chưa xác thực.');
  return req.caller;
}

export const forbidden = (detail: string) => new Problem(403, 'forbidden', 'Không được phép', detail);

/** Only these roles may use the route. */
export function requireRole(...roles: Caller['actor']['role'][]) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const caller = callerOf(req);
    if (!roles.includes(caller.actor.role)) {
      return next(forbidden('Vai trò của mã truy cập này không được thực hiện thao tác này.'));
    }
    next();
  };
}
