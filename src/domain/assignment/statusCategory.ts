/**
 * The four official categories of a task report (as the Government Office counts them), judged
 * against the deadline in force; cancelled assignments are in none.
 */
import { endOfDay } from '../time/localDate';
import type { AssignmentEvent } from './assignmentEvents';
import { evolve, type AssignmentState } from './assignmentState';

export const STATUS_CATEGORIES = ['completedOnTime', 'completedLate', 'inProgressWithinDeadline', 'overdue'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<StatusCategory, string> = {
  completedOnTime: 'Hoàn thành đúng hạn',
  completedLate: 'Hoàn thành quá hạn',
  inProgressWithinDeadline: 'Đang thực hiện trong hạn',
  overdue: 'Quá hạn chưa hoàn thành',
};

type Judged = Pick<AssignmentState, 'status' | 'deadline' | 'completedAt'>;

/** The category at instant `cutoff` (epoch ms) of a state that already reflects what happened by then. */
export function categorize(state: Judged, cutoff: number): StatusCategory | undefined {
  if (state.status === 'cancelled') return undefined;
  const deadlineEnds = endOfDay(state.deadline);
  if (state.status === 'accepted' && state.completedAt) {
    return Date.parse(state.completedAt) < deadlineEnds ? 'completedOnTime' : 'completedLate';
  }
  return cutoff < deadlineEnds ? 'inProgressWithinDeadline' : 'overdue';
}

/** The state as it stood at `cutoff`: only events recorded by then count (for periodic reports). */
export function stateAsOf(events: readonly AssignmentEvent[], cutoff: number): AssignmentState | undefined {
  return [...events]
    .filter((event) => Date.parse(event.at) <= cutoff)
    .sort((a, b) => a.seq - b.seq)
    .reduce<AssignmentState | undefined>(evolve, undefined);
}

export function categorizeAsOf(events: readonly AssignmentEvent[], cutoff: number): StatusCategory | undefined {
  const state = stateAsOf(events, cutoff);
  return state ? categorize(state, cutoff) : undefined;
}
