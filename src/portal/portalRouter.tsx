/**
 * The portal: the pages civil servants use in a browser, served by the same Express app as the
 * API and calling the same services. Paths are plain Vietnamese without diacritics.
 *
 * Every request goes through one pipeline, in this order:
 *   1. assets (/tai-nguyen), without a session;
 *   2. loadSession: the cookie's session sets req.caller (the API's Caller type),
 *      res.locals.person and res.locals.csrfToken;
 *   3. parseForms: a posted body is parsed only now that the session is known (anonymous posts
 *      only to the sign-in forms), multipart with multer (EVIDENCE_MAX_BYTES a file);
 *   4. verifyCsrf: every post carries the session's `_csrf` token, or is refused with a page;
 *   5. the pages, each behind requireSignIn when it is for signed-in people.
 */
import path from 'node:path';
import express, { Router, type ErrorRequestHandler, type NextFunction, type Request, type Response } from 'express';
import { dependencyOutage } from '../api/dependencyOutage';
import { assignmentListPage } from './pages/assignmentListPage';
import { assignmentPages } from './pages/assignmentPage';
import { campaignPages } from './pages/campaignPages';
import { overduePage } from './pages/overduePage';
import { letterPage } from './pages/letterPage';
import { secretariatQueuePage } from './pages/secretariatQueuePage';
import { signInRoutes } from './pages/signInRoutes';
import { loadSession } from './session/loadSession';
import { parseForms, verifyCsrf } from './session/formPipeline';
import type { PortalDeps } from './session/portalDeps';
import { sendRefusal } from './session/refusalPage';
import { requireSignIn } from './session/requireSignIn';
import { sendPage } from './render';
import { NotFoundPage } from './views/MessagePage';

const ASSETS_DIR = path.join(__dirname, 'assets');

/** Where each role starts. */
export const HOME_OF_ROLE = { agency: '/nhiem-vu', secretariat: '/can-xu-ly', committee: '/ke-hoach' } as const;

/** Paths the portal leaves to the rest of the app (the API answers them itself, 404 included). */
const notPortal = (req: Request) => req.path.startsWith('/api/') || req.path === '/api';

export function portalRouter(options: Omit<PortalDeps, 'now'> & { now?: () => number }): Router {
  const deps: PortalDeps = { ...options, now: options.now ?? Date.now };
  const router = Router();
  router.use('/tai-nguyen', express.static(ASSETS_DIR, { index: false, maxAge: '1h' }));

  const pipeline = Router();
  pipeline.use(loadSession(deps));
  pipeline.use(parseForms(deps));
  pipeline.use(verifyCsrf);
  router.use((req: Request, res: Response, next: NextFunction) => (notPortal(req) ? next() : pipeline(req, res, next)));

  router.use(signInRoutes(deps));
  router.get('/', requireSignIn, (req, res) => {
    res.redirect(303, HOME_OF_ROLE[req.caller!.actor.role]);
  });
  // Pages (one line per page module, each behind requireSignIn where it needs a person):
  router.use(assignmentListPage(deps));
  router.use(assignmentPages(deps));
  router.use(secretariatQueuePage(deps));
  router.use(campaignPages(deps));
  router.use(overduePage(deps));
  router.use(letterPage(deps));

  // Any other path a browser opens gets a page, not the API's problem+json.
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (notPortal(req) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    sendPage(res, <NotFoundPage person={res.locals.person} csrfToken={res.locals.csrfToken} />, 404);
  });

  const onError: ErrorRequestHandler = (error, req, res, next) => {
    if (notPortal(req) || res.headersSent) return next(error);
    const outage = dependencyOutage(error);
    if (outage) {
      res.setHeader('Retry-After', '30');
      return sendRefusal(res, {
        status: 503,
        title: 'Hệ thống tạm thời gián đoạn',
        message: 'Hệ thống đang tạm thời không kết nối được cơ sở dữ liệu hoặc máy chủ xử lý. Không có thay đổi nào bị mất. Hãy thử lại sau ít phút.',
      });
    }
    deps.logger.error({ err: error, path: req.originalUrl }, 'unhandled error in a portal page');
    sendRefusal(res, { status: 500, title: 'Đã có lỗi', message: 'Hệ thống gặp lỗi khi xử lý yêu cầu này. Hãy thử lại; nếu vẫn lỗi, hãy báo Thường trực Ban Chỉ đạo.' });
  };
  router.use(onError);
  return router;
}
