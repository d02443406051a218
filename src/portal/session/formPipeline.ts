/**
 * Forms posted to the portal: the body is parsed only once the session is known (people who are
 * not signed in may post only the sign-in forms, which take no files), then the CSRF token is
 * checked, before any page's handler runs. So page handlers never parse bodies or check tokens.
 *
 * - application/x-www-form-urlencoded: into req.body;
 * - multipart/form-data (signed-in people only): multer, in memory, each file at most
 *   EVIDENCE_MAX_BYTES, fields into req.body and files into req.files;
 * - the `_csrf` field must equal the session's token (synchroniser token pattern).
 */
import { timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import { requireSignIn } from './requireSignIn';
import type { PortalDeps } from './portalDeps';
import { sendRefusal } from './refusalPage';

/** Posts allowed before sign-in. */
export const SIGN_IN_FORM_PATHS = new Set(['/dang-nhap', '/dang-nhap/xac-nhan']);
/** Files one form may carry. */
export const MAX_FILES_PER_FORM = 10;
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const FORM_LIMIT = '1mb';

/** "20 MB", "1,5 MB", "977 KB" (Vietnamese decimal comma). */
const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${`${Math.round((bytes / (1024 * 1024)) * 10) / 10}`.replace('.', ',')} MB` : `${Math.max(1, Math.floor(bytes / 1024))} KB`;

function refuseBody(res: Response, error: unknown, maxBytes: number): void {
  const code = (error as { code?: string; type?: string }).code ?? (error as { type?: string }).type;
  if (code === 'LIMIT_FILE_SIZE') {
    return sendRefusal(res, {
      status: 413,
      title: 'Tệp quá lớn',
      message: `Mỗi tệp gửi lên được tối đa ${sizeText(maxBytes)}. Hãy quay lại biểu mẫu, chọn tệp nhỏ hơn (hoặc nén, chia nhỏ tệp) rồi gửi lại.`,
    });
  }
  if (code === 'LIMIT_FILE_COUNT') {
    return sendRefusal(res, {
      status: 413,
      title: 'Quá nhiều tệp',
      message: `Mỗi lần gửi được tối đa ${MAX_FILES_PER_FORM} tệp. Hãy quay lại biểu mẫu và bớt tệp.`,
    });
  }
  if (code === 'entity.too.large' || (typeof code === 'string' && code.startsWith('LIMIT_'))) {
    return sendRefusal(res, { status: 413, title: 'Nội dung gửi lên quá lớn', message: 'Nội dung biểu mẫu quá dài. Hãy rút gọn rồi gửi lại.' });
  }
  sendRefusal(res, { status: 400, title: 'Biểu mẫu không đọc được', message: 'Trình duyệt đã gửi biểu mẫu không trọn vẹn. Hãy quay lại trang trước và gửi lại.' });
}

export function parseForms(deps: PortalDeps) {
  const urlencoded = express.urlencoded({ extended: false, limit: FORM_LIMIT, parameterLimit: 200 });
  const multipart = multer({
    storage: multer.memoryStorage(),
    // Browsers send file names in UTF-8 without saying so; busboy would read them as latin1.
    defParamCharset: 'utf8',
    limits: { fileSize: deps.portal.evidenceMaxBytes, files: MAX_FILES_PER_FORM, fields: 200, fieldSize: 100_000, parts: 200 + MAX_FILES_PER_FORM },
  }).any();

  return (req: Request, res: Response, next: NextFunction) => {
    if (!STATE_CHANGING.has(req.method)) return next();
    const signedIn = Boolean(req.caller?.person);
    if (!signedIn && !SIGN_IN_FORM_PATHS.has(req.path)) return requireSignIn(req, res, next);
    const parsed = (error?: unknown) => {
      if (error) return refuseBody(res, error, deps.portal.evidenceMaxBytes);
      req.body ??= {};
      next();
    };
    const type = req.is(['application/x-www-form-urlencoded', 'multipart/form-data']);
    if (type === null || req.headers['content-length'] === '0') {
      // A post without a body: no fields, hence no token; refused by the check that follows.
      req.body = {};
      return next();
    }
    if (type === 'application/x-www-form-urlencoded') return urlencoded(req, res, parsed);
    if (type === 'multipart/form-data' && signedIn) return multipart(req, res, parsed);
    sendRefusal(res, {
      status: 415,
      title: 'Biểu mẫu không đúng định dạng',
      message: 'Trang này chỉ nhận biểu mẫu gửi từ trình duyệt. Hãy mở lại trang và gửi lại biểu mẫu.',
    });
  };
}

function sameToken(sent: unknown, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Every state-changing post must carry the session's token in `_csrf`. */
export function verifyCsrf(req: Request, res: Response, next: NextFunction): void {
  if (!STATE_CHANGING.has(req.method)) return next();
  const session = req.portalSession;
  const sent = (req.body as Record<string, unknown> | undefined)?._csrf;
  if (session && sameToken(sent, session.csrfToken)) return next();
  sendRefusal(res, {
    status: 403,
    title: 'Biểu mẫu đã hết hạn hoặc không hợp lệ',
    message:
      'Vì an toàn, hệ thống chỉ nhận biểu mẫu được mở từ chính trang này trong phiên làm việc hiện tại. Không có thay đổi nào được ghi nhận. Hãy mở lại trang, nhập lại và gửi lại.',
    action: { href: req.caller?.person ? '/' : '/dang-nhap', label: req.caller?.person ? 'Về trang chủ' : 'Đến trang đăng nhập' },
  });
}
