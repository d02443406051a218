/**
 * The state of one assignment, and how each event changes it (`evolve`). The workflow keeps this
 * state live; projections rebuild exactly the same state by folding the stored events.
 */
import type { EscalationLevel } from '../campaign/policies';
import type { AssignmentPlan } from '../campaign/expandCampaign';
import type { LocalDate } from '../time/localDate';
import type { AssignmentEvent, EvidenceFileRef, KpiValue } from './assignmentEvents';

export const ASSIGNMENT_STATUSES = [
  'assigned',
  'acknowledged',
  'inProgress',
  'resultSubmitted',
  'accepted',
  'cancelled',
] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** Statuses in which the agency still owes work: reminders and escalations apply. */
export const OPEN_STATUSES: readonly AssignmentStatus[] = ['assigned', 'acknowledged', 'inProgress'];
export const FINAL_STATUSES: readonly AssignmentStatus[] = ['accepted', 'cancelled'];

export interface AssignmentState extends AssignmentPlan {
  status: AssignmentStatus;
  sectionTitle: string;
  launchDate: LocalDate;
  /** The deadline first given: kept for reports even after extensions. */
  originalDeadline: LocalDate;
  /** The deadline in force. */
  deadline: LocalDate;
  assignedAt: string;
  acknowledgedAt?: string;
  lastProgress?: { note: string; percent?: number; at: string };
  progressReports: number;
  result?: { summary: string; evidenceLinks: string[]; kpiValues: KpiValue[]; evidenceFiles?: EvidenceFileRef[]; submittedAt: string };
  /** When the accepted result was submitted: what "on time" is judged by. */
  completedAt?: string;
  acceptedAt?: string;
  returns: number;
  lastReturnComment?: string;
  pendingExtension?: { requestedDeadline: LocalDate; reason: string; requestedAt: string };
  extensionsGranted: number;
  remindersSent: number;
  escalationLevel?: EscalationLevel;
  escalations: number;
  cancelledAt?: string;
  cancelReason?: string;
  /** Seq of the last event folded in. */
  seq: number;
  updatedAt: string;
}

export class EventOrderError extends Error {}

export function evolve(state: AssignmentState | undefined, event: AssignmentEvent): AssignmentState {
  if (event.type === 'AssignmentAssigned') {
    if (state) throw new EventOrderError(`${event.id}: assignment ${event.assignmentId} already exists`);
    return {
      ...event.plan,
      status: 'assigned',
      sectionTitle: event.sectionTitle,
      launchDate: event.launchDate,
      originalDeadline: event.deadline,
      deadline: event.deadline,
      assignedAt: event.at,
      progressReports: 0,
      returns: 0,
      extensionsGranted: 0,
      remindersSent: 0,
      escalations: 0,
      seq: event.seq,
      updatedAt: event.at,
    };
  }
  if (!state) throw new EventOrderError(`${event.id}: no AssignmentAssigned before it`);
  if (event.seq !== state.seq + 1) throw new EventOrderError(`${event.id}: expected seq ${state.seq + 1}`);
  const next: AssignmentState = { ...state, seq: event.seq, updatedAt: event.at };
  switch (event.type) {
    case 'Acknowledged':
      return { ...next, status: 'acknowledged', acknowledgedAt: event.at };
    case 'ProgressReported':
      return {
        ...next,
        status: 'inProgress',
        acknowledgedAt: state.acknowledgedAt ?? event.at,
        lastProgress: { note: event.note, percent: event.percent, at: event.at },
        progressReports: state.progressReports + 1,
      };
    case 'ResultSubmitted':
      return {
        ...next,
        status: 'resultSubmitted',
        acknowledgedAt: state.acknowledgedAt ?? event.at,
        result: {
          summary: event.summary,
          evidenceLinks: event.evidenceLinks,
          kpiValues: event.kpiValues,
          ...(event.evidenceFiles?.length ? { evidenceFiles: event.evidenceFiles } : {}),
          submittedAt: event.at,
        },
      };
    case 'Accepted':
      return {
        ...next,
        status: 'accepted',
        acceptedAt: event.at,
        completedAt: state.result?.submittedAt ?? event.at,
        // Once done, an extension still asked for is moot.
        pendingExtension: undefined,
      };
    case 'Returned':
      return { ...next, status: 'inProgress', returns: state.returns + 1, lastReturnComment: event.comment };
    case 'ExtensionRequested':
      return {
        ...next,
        pendingExtension: { requestedDeadline: event.requestedDeadline, reason: event.reason, requestedAt: event.at },
      };
    case 'ExtensionDecided':
      return {
        ...next,
        pendingExtension: undefined,
        extensionsGranted: state.extensionsGranted + (event.granted ? 1 : 0),
      };
    case 'DeadlineChanged':
      // A new deadline starts a new ladder: the escalation level is that of the new deadline.
      return { ...next, deadline: event.to, escalationLevel: undefined };
    case 'ReminderSent':
      return { ...next, remindersSent: state.remindersSent + 1 };
    case 'Escalated':
      return { ...next, escalationLevel: event.level, escalations: state.escalations + 1 };
    case 'Reassigned':
      return {
        ...next,
        agencyCode: event.to,
        coordinatingAgencies: state.coordinatingAgencies.filter((code) => code !== event.to),
        status: state.status === 'acknowledged' ? 'assigned' : state.status,
        acknowledgedAt: state.status === 'acknowledged' ? undefined : state.acknowledgedAt,
      };
    case 'Cancelled':
      return { ...next, status: 'cancelled', cancelledAt: event.at, cancelReason: event.reason, pendingExtension: undefined };
    case 'CoordinationNoteAdded':
      // A note informs; it changes nothing the lead owes (the timeline shows it).
      return next;
  }
}

/** Folds a history, in seq order, into the state it describes. */
export function foldEvents(events: readonly AssignmentEvent[]): AssignmentState | undefined {
  return [...events].sort((a, b) => a.seq - b.seq).reduce<AssignmentState | undefined>(evolve, undefined);
}
