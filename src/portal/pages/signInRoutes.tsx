/**
 * Sign-in and sign-out: /dang-nhap (the email form), /dang-nhap/kiem-tra-email, /dang-nhap/xac-nhan
 * (a GET shows a button, the POST uses the code: mail scanners that open links must not use it
 * up), POST /dang-xuat. Bodies and CSRF tokens are already checked by the pipeline.
 */
import { Router, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { endSession, sweepSessions } from '../../services/portalSessions';
import { checkSignInCode, consumeSignInCode, requestSignIn } from '../../services/signIn';
import { sendPage } from '../render';
import { ensureSession, startSignedInSession } from '../session/loadSession';
import type { PortalDeps } from '../session/portalDeps';
import { safeNext } from '../session/safeNext';
import { clearSessionCookie } from '../session/sessionCookie';
import { CheckEmailPage, ConfirmSignInPage, SignInForm, SignInLinkProblemPage, TooManyRequestsPage } from './signInPages';

/** The window of the sign-in rate limits. */
const LIMIT_WINDOW_MINUTES = 15;
/** Expired sessions and codes are swept at most this often per process. */
const SWEEP_EVERY_MS = 10 * 60_000;
const CODE_RECORDS_KEPT_MS = 24 * 3_600_000;

const EMPTY_EMAIL = 'Nhập email công vụ của bạn.';
const INVALID_EMAIL = 'Nhập địa chỉ email đúng dạng, ví dụ: nguyenvana@stnmt.hcm.gov.vn.';

const field = (body: unknown, name: string): string => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};

export function signInRoutes(deps: PortalDeps): Router {
  const router = Router();
  let lastSweep = 0;
  const sweepNow = () => {
    const now = deps.now();
    if (now - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = now;
    void Promise.all([sweepSessions(deps.db, now), deps.db.signInCodes.deleteMany({ expiresAt: { $lt: new Date(now - CODE_RECORDS_KEPT_MS) } })]).catch(
      (error: unknown) => deps.logger.warn({ err: error }, 'could not sweep expired portal sessions'),
    );
  };

  const tooMany = (_req: Request, res: Response) => {
    res.setHeader('Retry-After', String(LIMIT_WINDOW_MINUTES * 60));
    sendPage(res, <TooManyRequestsPage minutes={LIMIT_WINDOW_MINUTES} />, 429);
  };
  const limits = {
    windowMs: LIMIT_WINDOW_MINUTES * 60_000,
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
    handler: tooMany,
  };
  const perAddress = rateLimit({ ...limits, limit: deps.portal.signInPerAddress, keyGenerator: (req) => ipKeyGenerator(req.ip ?? '') });
  const perEmail = rateLimit({
    ...limits,
    limit: deps.portal.signInPerEmail,
    keyGenerator: (req) => `email:${field(req.body, 'email').trim().toLowerCase()}`,
  });

  router.get('/dang-nhap', async (req, res) => {
    const next = safeNext(req.query.tiep);
    if (req.caller?.person) return res.redirect(303, next);
    const session = await ensureSession(deps, req, res);
    sweepNow();
    sendPage(res, <SignInForm csrfToken={session.csrfToken} next={next} signedOut={req.query['da-dang-xuat'] === '1'} />);
  });

  router.post('/dang-nhap', perAddress, perEmail, async (req, res) => {
    const email = field(req.body, 'email');
    const next = safeNext(field(req.body, 'tiep'));
    const result = await requestSignIn(deps.db, { email, next, from: req.ip, now: deps.now() });
    if (result.outcome === 'invalidEmail') {
      const session = await ensureSession(deps, req, res);
      const error = email.trim() === '' ? EMPTY_EMAIL : INVALID_EMAIL;
      return sendPage(res, <SignInForm csrfToken={session.csrfToken} next={next} email={email} error={error} />, 422);
    }
    res.redirect(303, '/dang-nhap/kiem-tra-email');
  });

  router.get('/dang-nhap/kiem-tra-email', (_req, res) => {
    sendPage(res, <CheckEmailPage />);
  });

  router.get('/dang-nhap/xac-nhan', async (req, res) => {
    const code = typeof req.query.ma === 'string' ? req.query.ma : '';
    const check = await checkSignInCode(deps.db, code, deps.now());
    if (check.status !== 'valid') return sendLinkProblem(res, check.status, check.status === 'unknown' ? '/' : check.next);
    const session = await ensureSession(deps, req, res);
    sendPage(res, <ConfirmSignInPage csrfToken={session.csrfToken} code={code} />);
  });

  router.post('/dang-nhap/xac-nhan', async (req, res) => {
    const result = await consumeSignInCode(deps.db, field(req.body, 'ma'), deps.now(), deps.portal);
    if (result.status !== 'signedIn') return sendLinkProblem(res, result.status, result.status === 'unknown' ? '/' : result.next);
    // The session that posted the form (a visitor's, or someone else's on a shared computer) ends.
    if (req.portalSession) await endSession(deps.db, req.portalSession._id, deps.now());
    startSignedInSession(deps, req, res, result.session.secret, result.session.doc);
    sweepNow();
    res.redirect(303, safeNext(result.next));
  });

  router.post('/dang-xuat', async (req, res) => {
    if (req.portalSession) await endSession(deps.db, req.portalSession._id, deps.now());
    clearSessionCookie(res, deps.portal);
    res.redirect(303, '/dang-nhap?da-dang-xuat=1');
  });

  return router;
}

function sendLinkProblem(res: Response, problem: 'expired' | 'used' | 'unknown', next: string): void {
  sendPage(res, <SignInLinkProblemPage problem={problem} next={safeNext(next)} />, problem === 'unknown' ? 404 : 410);
}
