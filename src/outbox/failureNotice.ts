/**
 * Telling the secretariat that an email could not be delivered: a `deliveryFailure` entry in the
 * outbox, delivered like any other. Queued before the failed entry is marked, with an id counting
 * the entry's failures, so a crash in between neither loses the notice nor doubles it. A notice is
 * never queued about a notice (a refused secretariat address would loop): that is only logged.
 */
import type { Database } from '../db/database';
import { insertOnce } from '../db/insertOnce';
import type { DeliveryFailureFacts, OutboxDoc } from '../db/models/outboxModel';

export function failureNoticeId(failed: Pick<OutboxDoc, '_id' | 'failures'>): string {
  return `${failed._id}.deliveryFailure.${(failed.failures ?? 0) + 1}`;
}

export async function queueFailureNotice(db: Database, failed: OutboxDoc, facts: DeliveryFailureFacts, now: Date): Promise<boolean> {
  // A sign-in link concerns one person, who can ask again: the secretariat is not told.
  if (failed.kind === 'deliveryFailure' || failed.kind === 'signInLink') return false;
  const notice: OutboxDoc = {
    _id: failureNoticeId(failed),
    kind: 'deliveryFailure',
    campaignKey: failed.campaignKey,
    ...(failed.assignmentId ? { assignmentId: failed.assignmentId } : {}),
    ...(failed.agencyCode ? { agencyCode: failed.agencyCode } : {}),
    ...(failed.eventId ? { eventId: failed.eventId } : {}),
    aboutEntryId: failed._id,
    failure: facts,
    status: 'pending',
    attempts: 0,
    createdAt: now,
  };
  await insertOnce<OutboxDoc>(db.outbox, [notice]);
  return true;
}
