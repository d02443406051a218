/**
 * Counters of assignments that answer "how many in each of the four categories" at any instant
 * from now on, without looking at the assignments again.
 *
 * Completed on time, completed late and cancelled are facts that time does not change. Whether an
 * open assignment is "in progress within the deadline" or "overdue" depends on *when* one asks: it
 * turns overdue at the end of its deadline day without any event. So open assignments are counted
 * per deadline day, and the split happens at query time (`countsAt`): a tally stays true as days
 * pass, and only events change it.
 */
import type { LocalDate } from '../time/localDate';
import { endOfDay } from '../time/localDate';
import type { AssignmentState } from './assignmentState';
import { emptyCounts, type CategoryCounts } from './assignmentSummary';

/**
 * Where an assignment is counted: one of the settled categories, or (still open) its deadline in
 * force. The same judgement as `categorize`, minus the instant.
 */
export type CountingBucket = 'completedOnTime' | 'completedLate' | 'cancelled' | LocalDate;

type Bucketed = Pick<AssignmentState, 'status' | 'deadline' | 'completedAt'>;

export function countingBucket(state: Bucketed): CountingBucket {
  if (state.status === 'cancelled') return 'cancelled';
  if (state.status === 'accepted' && state.completedAt) {
    return Date.parse(state.completedAt) < endOfDay(state.deadline) ? 'completedOnTime' : 'completedLate';
  }
  return state.deadline;
}

export interface Tally {
  completedOnTime: number;
  completedLate: number;
  cancelled: number;
  /** Open assignments per deadline day in force. */
  openByDeadline: Record<LocalDate, number>;
}

export function emptyTally(): Tally {
  return { completedOnTime: 0, completedLate: 0, cancelled: 0, openByDeadline: {} };
}

export function addToTally(tally: Tally, bucket: CountingBucket, count = 1): Tally {
  if (bucket === 'completedOnTime' || bucket === 'completedLate' || bucket === 'cancelled') {
    return { ...tally, [bucket]: tally[bucket] + count };
  }
  return { ...tally, openByDeadline: { ...tally.openByDeadline, [bucket]: (tally.openByDeadline[bucket] ?? 0) + count } };
}

export function mergeTallies(a: Tally, b: Tally): Tally {
  let merged: Tally = { ...a, completedOnTime: a.completedOnTime + b.completedOnTime, completedLate: a.completedLate + b.completedLate, cancelled: a.cancelled + b.cancelled };
  for (const [deadline, count] of Object.entries(b.openByDeadline)) merged = addToTally(merged, deadline, count);
  return merged;
}

/** The four categories (plus cancelled and total) at instant `at` (epoch ms, now or later). */
export function countsAt(tally: Tally, at: number): CategoryCounts {
  const counts = emptyCounts();
  counts.completedOnTime = tally.completedOnTime;
  counts.completedLate = tally.completedLate;
  counts.cancelled = tally.cancelled;
  for (const [deadline, count] of Object.entries(tally.openByDeadline)) {
    if (at < endOfDay(deadline)) counts.inProgressWithinDeadline += count;
    else counts.overdue += count;
  }
  counts.total = counts.completedOnTime + counts.completedLate + counts.cancelled + counts.inProgressWithinDeadline + counts.overdue;
  return counts;
}
