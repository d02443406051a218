/**
 * Domain events of an assignment: the append-only record every projection is built from.
 * Each has a deterministic id (`<assignment id>#<seq>`), so a retried write never duplicates it.
 */
import type { EscalationLevel } from '../campaign/policies';
import type { AssignmentPlan } from '../campaign/expandCampaign';
import type { LocalDate } from '../time/localDate';
import type { Actor } from './actor';

export interface KpiValue {
  indicator: string;
  value: number;
  unit?: string;
}

/** An uploaded evidence file as the event records it; the bytes live in the evidence store. */
export interface EvidenceFileRef {
  id: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
}

export type AssignmentEventBody =
  | { type: 'AssignmentAssigned'; plan: AssignmentPlan; launchDate: LocalDate; deadline: LocalDate; sectionTitle: string }
  | { type: 'Acknowledged' }
  | { type: 'ProgressReported'; note: string; percent?: number }
  | { type: 'ResultSubmitted'; summary: string; evidenceLinks: string[]; kpiValues: KpiValue[]; evidenceFiles?: EvidenceFileRef[] }
  | { type: 'Accepted'; comment?: string }
  | { type: 'Returned'; comment: string }
  | { type: 'ExtensionRequested'; requestedDeadline: LocalDate; reason: string }
  | { type: 'ExtensionDecided'; granted: boolean; deadline?: LocalDate; comment?: string }
  | { type: 'DeadlineChanged'; from: LocalDate; to: LocalDate; reason: 'extension' | 'calendar' }
  | { type: 'ReminderSent'; alarmKey: string; deadline: LocalDate; workingDaysLeft: number }
  | {
      type: 'Escalated';
      alarmKey: string;
      deadline: LocalDate;
      level: EscalationLevel;
      /** 1-based rung of the ladder; repeats after the last rung keep counting. */
      step: number;
      workingDaysOverdue: number;
    }
  | { type: 'Reassigned'; from: string; to: string; comment?: string }
  | { type: 'Cancelled'; reason: string }
  | { type: 'CoordinationNoteAdded'; note: string };

export type AssignmentEventType = AssignmentEventBody['type'];

export type AssignmentEvent = AssignmentEventBody & {
  /** `<assignmentId>#<seq>`: the same event always gets the same id. */
  id: string;
  assignmentId: string;
  campaignKey: string;
  /** 1, 2, 3...: the order of events of one assignment. */
  seq: number;
  /** ISO instant (UTC). */
  at: string;
  actor: Actor;
};

export function eventId(assignmentId: string, seq: number): string {
  return `${assignmentId}#${seq}`;
}

/** Gives bodies their place in the assignment's history. */
export function stampEvents(
  context: { assignmentId: string; campaignKey: string; lastSeq: number; at: string; actor: Actor },
  bodies: AssignmentEventBody[],
): AssignmentEvent[] {
  return bodies.map((body, index) => {
    const seq = context.lastSeq + index + 1;
    return {
      ...body,
      id: eventId(context.assignmentId, seq),
      assignmentId: context.assignmentId,
      campaignKey: context.campaignKey,
      seq,
      at: context.at,
      actor: context.actor,
    };
  });
}
