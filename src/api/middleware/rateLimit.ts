/**
 * Requests a minute per caller: per token once authenticated, per network address otherwise. It
 * runs before a bad or missing token is refused, so guessing tokens is limited like any other
 * use; a valid token is never held back by someone else's failures from the same address.
 */
import type { Request } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { Problem, sendProblem } from '../problem';

export function rateLimitPerCaller(limitPerMinute: number) {
  return rateLimit({
    windowMs: 60_000,
    limit: limitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // IPv6 addresses are grouped by /56, as one client usually holds a whole block.
    keyGenerator: (req: Request) => (req.caller ? `token:${req.caller.tokenId}` : `address:${ipKeyGenerator(req.ip ?? 'unknown')}`),
    handler: (req, res) =>
      sendProblem(res, new Problem(429, 'too-many-requests', 'Quá nhiều yêu cầu', 'Quá nhiều yêu cầu; vui lòng thử lại sau ít phút.', { retryAfterSeconds: 60 }), req.originalUrl),
  });
}
