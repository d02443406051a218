/**
 * Which events send an email, to whom (by role, resolved from the directory when the email is
 * composed), with an id derived from the assignment, the kind and the step, so the same email is
 * never queued twice.
 */
import type { AssignmentEvent } from '../assignment/assignmentEvents';

export const NOTIFICATION_KINDS = [
  'assignmentNotice',
  'reminder',
  'overdueNotice',
  'escalationToSecretariat',
  'escalationToCommittee',
  'reworkNotice',
  'extensionDecision',
  // To the secretariat when an agency hands something in; to the agency when its result is accepted.
  'resultSubmitted',
  'extensionRequested',
  'resultAccepted',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationRequest {
  /** `<assignmentId>.<kind>.<step>`: deterministic, the outbox key. */
  id: string;
  kind: NotificationKind;
  assignmentId: string;
  campaignKey: string;
  /** The event that caused it. */
  eventId: string;
  /** The agency whose contacts receive it (the lead at the time of the event). */
  agencyCode: string;
}

export function notificationFor(event: AssignmentEvent, agencyCode: string): NotificationRequest | undefined {
  const make = (kind: NotificationKind, step: string): NotificationRequest => ({
    id: `${event.assignmentId}.${kind}.${step}`,
    kind,
    assignmentId: event.assignmentId,
    campaignKey: event.campaignKey,
    eventId: event.id,
    agencyCode,
  });
  switch (event.type) {
    case 'AssignmentAssigned':
      return make('assignmentNotice', 'launch');
    case 'Reassigned':
      return make('assignmentNotice', `reassigned-${event.seq}`);
    case 'ReminderSent':
      return make('reminder', event.alarmKey);
    case 'Escalated': {
      const kind =
        event.level === 'agencyHead'
          ? 'overdueNotice'
          : event.level === 'secretariat'
            ? 'escalationToSecretariat'
            : 'escalationToCommittee';
      return make(kind, event.alarmKey);
    }
    case 'Returned':
      return make('reworkNotice', String(event.seq));
    case 'ExtensionDecided':
      return make('extensionDecision', String(event.seq));
    case 'ResultSubmitted':
      return make('resultSubmitted', String(event.seq));
    case 'ExtensionRequested':
      return make('extensionRequested', String(event.seq));
    case 'Accepted':
      return make('resultAccepted', String(event.seq));
    default:
      return undefined;
  }
}
