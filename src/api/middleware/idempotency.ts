/**
 * Idempotency-Key for mutating requests: the first successful answer is stored; a retry with the
 * same key and the same request gets that answer back and changes nothing; the same key with a
 * different request is refused (422); a retry while the first is still running gets 409.
 *
 * Crash safety: a request holds its key for a lease (LEASE_MS). A process that dies mid-request
 * leaves its record "in progress"; once the lease has passed, a retry takes the key over and runs.
 * Records expire after RETENTION_MS (the key is then forgotten) and are swept away, so the
 * collection does not grow without bound.
 */
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Database } from '../../db/database';
import { Problem } from '../problem';
import { callerOf } from './authenticate';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Longer than any request takes (the slowest, a launch, starts one workflow). */
export const IDEMPOTENCY_LEASE_MS = 2 * 60_000;
/** How long a stored answer is replayed: retries come within minutes; a day is generous. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3600_000;
const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * Removes expired records. MongoDB's TTL index does this too; FerretDB 1.24 does not, so the API
 * calls this at most every 10 minutes. Records from before `expiresAt` expire by `createdAt`.
 */
export async function sweepExpiredIdempotencyRecords(db: Database, now = new Date()): Promise<number> {
  const result = await db.idempotency.deleteMany({
    $or: [{ expiresAt: { $lt: now } }, { expiresAt: { $exists: false }, createdAt: { $lt: new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS) } }],
  });
  return result.deletedCount;
}

/** The same key with another request (method, path, body) is refused. */
export function requestFingerprint(method: string, url: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${url}\n${typeof body === 'string' ? body : JSON.stringify(body ?? null)}`)
    .digest('hex');
}

const inProgress = () => new Problem(409, 'idempotency-in-progress', 'Xung đột', 'Yêu cầu với Idempotency-Key này đang được xử lý; hãy thử lại sau.');

export function idempotency(db: Database) {
  let lastSweep = 0;
  const sweepNowAndThen = () => {
    if (Date.now() - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = Date.now();
    void sweepExpiredIdempotencyRecords(db).catch(() => undefined); // a missed sweep is retried next time
  };

  return async (req: Request, res: Response, next: NextFunction) => {
    const key = req.header('Idempotency-Key');
    if (!key || !MUTATING.has(req.method)) return next();
    if (key.length > 200) return next(new Problem(400, 'bad-idempotency-key', 'Yêu cầu không hợp lệ', 'Idempotency-Key dài quá 200 ký tự.'));
    const caller = callerOf(req);
    const id = `${caller.tokenId}:${key}`;
    const fingerprint = requestFingerprint(req.method, req.originalUrl, req.body);
    const now = new Date();
    const leaseUntil = new Date(now.getTime() + IDEMPOTENCY_LEASE_MS);
    const expiresAt = new Date(now.getTime() + IDEMPOTENCY_RETENTION_MS);
    sweepNowAndThen();

    let earlier = await db.idempotency.findById(id).lean();
    const expired = earlier && (earlier.expiresAt ?? new Date(earlier.createdAt.getTime() + IDEMPOTENCY_RETENTION_MS)) < now;
    if (earlier && expired) {
      // Forgotten: this is a new request. Only this exact record goes, not one a concurrent retry just wrote.
      await db.idempotency.deleteOne({ _id: id, createdAt: earlier.createdAt });
      earlier = null;
    }
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) {
        return next(new Problem(422, 'idempotency-key-reused', 'Idempotency-Key đã dùng', 'Idempotency-Key này đã dùng cho một yêu cầu khác.'));
      }
      if (earlier.state === 'inProgress') {
        // Abandoned by a request that died: take the key over, atomically, so one retry runs.
        const heldUntil = earlier.leaseUntil ?? new Date(earlier.createdAt.getTime() + IDEMPOTENCY_LEASE_MS);
        if (heldUntil >= now) return next(inProgress());
        const taken = await db.idempotency.updateOne(
          { _id: id, state: 'inProgress', createdAt: earlier.createdAt, leaseUntil: earlier.leaseUntil ?? { $exists: false } },
          { $set: { leaseUntil, expiresAt } },
        );
        if (taken.modifiedCount !== 1) return next(inProgress());
      } else {
        res.setHeader('Idempotent-Replayed', 'true');
        for (const [name, value] of Object.entries(earlier.headers ?? {})) res.setHeader(name, value);
        if (earlier.contentType) res.type(earlier.contentType);
        return res.status(earlier.status ?? 200).send(earlier.body ?? '');
      }
    } else {
      try {
        await db.idempotency.create({ _id: id, fingerprint, state: 'inProgress', createdAt: now, leaseUntil, expiresAt });
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return next(inProgress());
        throw error;
      }
    }

    // Keep a successful answer, to replay it. A refused request (4xx) changed nothing and a
    // failed one (5xx) may be tried again: neither is kept, so a retry is judged afresh.
    const send = res.send.bind(res);
    res.send = (payload?: unknown) => {
      const status = res.statusCode;
      const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : JSON.stringify(payload);
      const finish =
        status >= 400
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
                  expiresAt: new Date(Date.now() + IDEMPOTENCY_RETENTION_MS),
                },
                $unset: { leaseUntil: '' },
              },
            );
      // Answer only once the answer is stored, so an immediate retry is replayed, not refused.
      void finish.catch(() => undefined).finally(() => send(payload as never));
      return res;
    };
    next();
  };
}
