/**
 * Idempotency-Key for mutating requests: the first answer is stored; a retry with the same key
 * and the same request gets that answer back and changes nothing; the same key with a different
 * request is refused (422); a retry while the first is still running gets 409.
 */
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Database } from '../../db/database';
import { Problem } from '../problem';
import { callerOf } from './authenticate';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function idempotency(db: Database) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const key = req.header('Idempotency-Key');
    if (!key || !MUTATING.has(req.method)) return next();
    if (key.length > 200) return next(new Problem(400, 'bad-idempotency-key', 'Bad Request', 'Idempotency-Key dài quá 200 ký tự.'));
    const caller = callerOf(req);
    const id = `${caller.tokenId}:${key}`;
    const fingerprint = createHash('sha256')
      .update(`${req.method} ${req.originalUrl}\n${typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? null)}`)
      .digest('hex');

    const earlier = await db.idempotency.findById(id).lean();
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) {
        return next(new Problem(422, 'idempotency-key-reused', 'Idempotency Key Reused', 'Idempotency-Key này đã dùng cho một yêu cầu khác.'));
      }
      if (earlier.state === 'inProgress') {
        return next(new Problem(409, 'idempotency-in-progress', 'Conflict', 'Yêu cầu với Idempotency-Key này đang được xử lý; hãy thử lại sau.'));
      }
      res.setHeader('Idempotent-Replayed', 'true');
      for (const [name, value] of Object.entries(earlier.headers ?? {})) res.setHeader(name, value);
      if (earlier.contentType) res.type(earlier.contentType);
      return res.status(earlier.status ?? 200).send(earlier.body ?? '');
    }
    try {
      await db.idempotency.create({ _id: id, fingerprint, state: 'inProgress', createdAt: new Date() });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) {
        return next(new Problem(409, 'idempotency-in-progress', 'Conflict', 'Yêu cầu với Idempotency-Key này đang được xử lý; hãy thử lại sau.'));
      }
      throw error;
    }

    // Keep what is sent, to replay it; a server error is not kept, so a retry can try again.
    const send = res.send.bind(res);
    res.send = (payload?: unknown) => {
      const status = res.statusCode;
      const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : JSON.stringify(payload);
      const finish =
        status >= 500
          ? db.idempotency.deleteOne({ _id: id })
          : db.idempotency.updateOne(
              { _id: id },
              {
                $set: {
                  state: 'done',
                  status,
                  body: text,
                  contentType: String(res.getHeader('Content-Type') ?? 'application/json'),
                  headers: res.getHeader('Location') ? { Location: String(res.getHeader('Location')) } : {},
                },
              },
            );
      // Answer only once the answer is stored, so an immediate retry is replayed, not refused.
      void finish.catch(() => undefined).finally(() => send(payload as never));
      return res;
    };
    next();
  };
}
