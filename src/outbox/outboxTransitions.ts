/**
 * The ends of a claim: sent, failed (permanent), or back to pending with a later attempt time.
 * Each is written only by the claim's holder (its token in the filter).
 */
import type { UpdateQuery } from 'mongoose';
import type { Database } from '../db/database';
import type { OutboxDoc } from '../db/models/outboxModel';

type Delivered = Partial<Pick<OutboxDoc, 'messageId' | 'subject' | 'to' | 'cc' | 'redirectedTo' | 'rejectedRecipients' | 'failures'>>;

const CLAIM_FIELDS = { claimToken: '', leaseExpiresAt: '', claimedBy: '' } as const;

export async function markSent(db: Database, id: string, token: string, at: Date, delivered: Delivered): Promise<boolean> {
  return updateIfHeld(db, id, token, {
    $set: { status: 'sent', sentAt: at, ...stripUndefined(delivered) },
    $unset: { ...CLAIM_FIELDS, nextAttemptAt: '', lastError: '' },
  });
}

export async function markFailed(db: Database, id: string, token: string, at: Date, reason: string, details: Delivered): Promise<boolean> {
  return updateIfHeld(db, id, token, {
    $set: { status: 'failed', failedAt: at, lastError: reason, ...stripUndefined(details) },
    $unset: { ...CLAIM_FIELDS, nextAttemptAt: '' },
  });
}

/** Back to pending: another attempt from `nextAttemptAt` on, nothing lost. */
export async function releaseForRetry(db: Database, id: string, token: string, reason: string, nextAttemptAt: Date): Promise<boolean> {
  return updateIfHeld(db, id, token, { $set: { status: 'pending', lastError: reason, nextAttemptAt }, $unset: CLAIM_FIELDS });
}

/** Applies `update` to the entry only while `token` still holds its claim. */
async function updateIfHeld(db: Database, id: string, token: string, update: UpdateQuery<OutboxDoc>): Promise<boolean> {
  if (db.filtersOnlyById) {
    // `{ _id, claimToken }` would read every entry ever queued on FerretDB 1.x; by `_id` it is one.
    const current = await db.outbox.findById(id, { claimToken: 1 }).lean();
    if (current?.claimToken !== token) return false;
    return (await db.outbox.updateOne({ _id: id }, update)).modifiedCount === 1;
  }
  return (await db.outbox.updateOne({ _id: id, claimToken: token }, update)).modifiedCount === 1;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
