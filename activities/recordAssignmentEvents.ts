/**
 * The activity every assignment change goes through: append its events, queue the emails they
 * cause, and bring the read model up to date. Safe to retry at any point: events and emails have
 * deterministic ids and are inserted once; the projection is re-derived from the events.
 */
import type { AssignmentEvent } from '../src/domain/assignment/assignmentEvents';
import type { NotificationRequest } from '../src/domain/notification/notificationRequest';
import type { Database } from '../src/db/database';
import { insertOnce } from '../src/db/insertOnce';
import { toStoredEvent } from '../src/db/models/eventModel';
import type { OutboxDoc } from '../src/db/models/outboxModel';
import { loadSecretariatNotices, type SecretariatNotices } from '../src/outbox/mailSettings';
import { applyToProjection } from '../src/projections/assignmentProjection';

export interface RecordAssignmentEventsInput {
  events: AssignmentEvent[];
  notifications: NotificationRequest[];
}

/**
 * A notice to the secretariat is its own email only when its rhythm is `immediate`; otherwise the
 * daily "chờ xử lý" list (or the portal's queue alone) carries it, and no entry is queued.
 */
export function queuedAsEmail(request: NotificationRequest, notices: SecretariatNotices): boolean {
  if (request.kind === 'resultSubmitted') return notices.resultSubmitted === 'immediate';
  if (request.kind === 'extensionRequested') return notices.extensionRequested === 'immediate';
  return true;
}

export function createRecordAssignmentEvents(db: Database, notices: SecretariatNotices = loadSecretariatNotices()) {
  return async function recordAssignmentEvents(input: RecordAssignmentEventsInput): Promise<void> {
    // Events first: the outbox dispatcher composes each email from the event that caused it.
    await insertOnce(db.events, input.events.map(toStoredEvent));
    const createdAt = new Date(input.events[0]?.at ?? Date.now());
    const assignmentIds = [...new Set(input.events.map((event) => event.assignmentId))];
    // The emails and the read model do not depend on each other: one round trip of waiting, not two.
    await Promise.all([
      insertOnce<OutboxDoc>(
        db.outbox,
        input.notifications.filter((request) => queuedAsEmail(request, notices)).map(({ id, ...request }) => ({ ...request, _id: id, status: 'pending', attempts: 0, createdAt })),
      ),
      ...assignmentIds.map((id) => applyToProjection(db, id, input.events.filter((event) => event.assignmentId === id))),
    ]);
  };
}
