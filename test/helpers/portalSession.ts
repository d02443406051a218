/**
 * Signs a person in to the portal for a test, the way the sign-in does (a one-time code is issued
 * and consumed, which opens a real session in the database) but without the email: HTTP tests
 * get the cookie and the CSRF token, browser tests the cookie to add to their context.
 * (Browser scenario 1 still signs in through Mailpit.)
 */
import type { PortalSettings } from '../../src/config';
import type { Database } from '../../src/db/database';
import type { PersonRole } from '../../src/domain/person/person';
import type { RunningEngine } from '../../src/engine';
import { savePerson } from '../../src/services/people';
import { consumeSignInCode, issueSignInCode } from '../../src/services/signIn';
import { isHttps, sessionCookieName } from '../../src/portal/session/sessionCookie';

export interface PortalSession {
  /** For a `Cookie` request header: `name=value`. */
  cookie: string;
  /** The `_csrf` value every form post must carry. */
  csrfToken: string;
  /** For Playwright's `context.addCookies([...])`. */
  browserCookie: { name: string; value: string; url: string; httpOnly: true; sameSite: 'Lax'; secure: boolean };
}

export interface SignInOptions {
  email: string;
  /** Given: the person is created (or replaced) in the directory first with this role. */
  role?: PersonRole;
  agencyCode?: string;
  name?: string;
  /** The instant of the sign-in (default now): tests of expiry pass the engine's portal clock. */
  now?: number;
}

type Target = Pick<RunningEngine, 'db' | 'portal'> | { db: Database; portal: PortalSettings };

export async function signInAs(target: Target, options: SignInOptions): Promise<PortalSession> {
  const { db, portal } = target;
  const now = options.now ?? Date.now();
  if (options.role) {
    const agencyCode = options.agencyCode ?? (options.role === 'secretariat' ? 'SNV' : options.role === 'committee' ? 'VPUB' : undefined);
    if (!agencyCode) throw new Error('signInAs: an agency person needs agencyCode');
    await savePerson(db, { email: options.email.toLowerCase(), name: options.name ?? options.email, role: options.role, agencyCode, active: true }, now);
  }
  const { code } = await issueSignInCode(db, { email: options.email.toLowerCase(), next: '/', now });
  const result = await consumeSignInCode(db, code, now, portal);
  if (result.status !== 'signedIn') throw new Error(`signInAs(${options.email}): ${result.status} (is the person in the directory and active?)`);
  const name = sessionCookieName(portal);
  const value = result.session.secret;
  return {
    cookie: `${name}=${value}`,
    csrfToken: result.session.doc.csrfToken,
    browserCookie: { name, value, url: `${portal.url}/`, httpOnly: true, sameSite: 'Lax', secure: isHttps(portal) },
  };
}
