/**
 * What every page handler needs from the request pipeline (src/portal/session: the session
 * sets req.caller, res.locals.person and res.locals.csrfToken before any page runs).
 */
import type { Request, Response } from 'express';
import { callerOf, type Caller } from '../../api/middleware/authenticate';
import type { SignedInPerson } from '../views/Layout';

export interface PageContext {
  caller: Caller;
  person?: SignedInPerson;
  csrfToken?: string;
}

export function pageContext(req: Request, res: Response): PageContext {
  return { caller: callerOf(req), person: res.locals.person as SignedInPerson | undefined, csrfToken: res.locals.csrfToken as string | undefined };
}

/** A query or form value as one trimmed string ('' when absent or repeated oddly). */
export function field(source: unknown, name: string): string {
  const value = (source as Record<string, unknown> | undefined)?.[name];
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0].trim();
  return '';
}
