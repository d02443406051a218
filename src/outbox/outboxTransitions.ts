/**
 * The ends of a claim: sent, failed (permanent), or back to pending with a later attempt time.
 * Each is written only by the claim's holder (its token in the filter).
 */
import type { Database } from '../db/database';
import type { OutboxDoc } from '../db/models/outboxModel';

type Delivered = Partial<Pick<OutboxDoc, 'messageId' | 'subject' | 'to' | 'cc' | 'redirectedTo' | 'rejectedRecipients' | 'failures'>>;

const CLAIM_FIELDS = { claimToken: '', leaseExpiresAt: '', claimedBy: '' } as const;
/** A sign-in link's code is kept only while the email may still be sent. */
const SECRET_FIELDS = { signInCode: '' } as const;

export async function markSent(db: Database, id: string, token: string, at: Date, delivered: Delivered): Promise<boolean> {
  const result = await db.outbox.updateOne(
    { _id: id, claimToken: token },
    { $set: { status: 'sent', sentAt: at, ...stripUndefined(delivered) }, $unset: { ...CLAIM_FIELDS, ...SECRET_FIELDS, nextAttemptAt: '', lastError: '' } },
  );
  return result.modifiedCount === 1;
}

export async function markFailed(db: Database, id: string, token: string, at: Date, reason: string, details: Delivered): Promise<boolean> {
  const result = await db.outbox.updateOne(
    { _id: id, claimToken: token },
    { $set: { status: 'failed', failedAt: at, lastError: reason, ...stripUndefined(details) }, $unset: { ...CLAIM_FIELDS, ...SECRET_FIELDS, nextAttemptAt: '' } },
  );
  return result.modifiedCount === 1;
}

/** Back to pending: another attempt from `nextAttemptAt` on, nothing lost. */
export async function releaseForRetry(db: Database, id: string, token: string, reason: string, nextAttemptAt: Date): Promise<boolean> {
  const result = await db.outbox.updateOne(
    { _id: id, claimToken: token },
    { $set: { status: 'pending', lastError: reason, nextAttemptAt }, $unset: CLAIM_FIELDS },
  );
  return result.modifiedCount === 1;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
