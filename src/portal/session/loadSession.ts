/**
 * First step of every portal request: the session cookie is read and, when it names a live
 * session, the request gets its caller (the same `Caller` as the API's, so one authorisation
 * check serves both), the person for the page frame and the CSRF token for the forms.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Caller } from '../../api/middleware/authenticate';
import type { PortalSessionDoc } from '../../db/models/portalSessionModel';
import { findLiveSession, openSession } from '../../services/portalSessions';
import type { SignedInPerson } from '../views/Layout';
import type { PortalDeps } from './portalDeps';
import { readSessionCookie, writeSessionCookie } from './sessionCookie';

export function callerOfSession(doc: PortalSessionDoc): Caller | undefined {
  if (!doc.personEmail || !doc.role || !doc.agencyCode) return undefined;
  return {
    tokenId: `session:${doc._id.slice(0, 16)}`,
    actor: { role: doc.role, ...(doc.role === 'agency' ? { agencyCode: doc.agencyCode } : {}), name: doc.name ?? doc.personEmail },
    person: { email: doc.personEmail, agencyCode: doc.agencyCode },
  };
}

function exposeSession(req: Request, res: Response, doc: PortalSessionDoc): void {
  req.portalSession = doc;
  res.locals.csrfToken = doc.csrfToken;
  const caller = callerOfSession(doc);
  if (caller) {
    req.caller = caller;
    const person: SignedInPerson = { name: caller.actor.name ?? caller.person!.email, role: caller.actor.role, agencyName: doc.agencyName };
    res.locals.person = person;
  }
}

export function loadSession(deps: PortalDeps) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const secret = readSessionCookie(req, deps.portal);
    if (secret) {
      const doc = await findLiveSession(deps.db, secret, deps.now(), deps.portal);
      if (doc) exposeSession(req, res, doc);
    }
    next();
  };
}

/** A visitor's session, for the CSRF token of the sign-in forms (opened when the request has none). */
export async function ensureSession(deps: PortalDeps, req: Request, res: Response): Promise<PortalSessionDoc> {
  if (req.portalSession) return req.portalSession;
  const opened = await openSession(deps.db, { now: deps.now(), times: deps.portal });
  writeSessionCookie(res, deps.portal, opened.secret, opened.doc.expiresAt.getTime() - deps.now());
  exposeSession(req, res, opened.doc);
  return opened.doc;
}

/** A signed-in session in place of the visitor's one (a new id: no session fixation). */
export function startSignedInSession(deps: PortalDeps, req: Request, res: Response, secret: string, doc: PortalSessionDoc): void {
  writeSessionCookie(res, deps.portal, secret, doc.expiresAt.getTime() - deps.now());
  exposeSession(req, res, doc);
}
