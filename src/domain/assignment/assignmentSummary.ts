/** The few facts about an assignment that section and campaign counts need. */
import type { LocalDate } from '../time/localDate';
import type { AssignmentState, AssignmentStatus } from './assignmentState';
import { categorize, STATUS_CATEGORIES, type StatusCategory } from './statusCategory';

export interface AssignmentSummary {
  id: string;
  sectionNumber: number;
  agencyCode: string;
  status: AssignmentStatus;
  deadline: LocalDate;
  completedAt?: string;
}

export function summarize(state: AssignmentState): AssignmentSummary {
  return {
    id: state.id,
    sectionNumber: state.sectionNumber,
    agencyCode: state.agencyCode,
    status: state.status,
    deadline: state.deadline,
    completedAt: state.completedAt,
  };
}

export type CategoryCounts = Record<StatusCategory, number> & { cancelled: number; total: number };

export function emptyCounts(): CategoryCounts {
  return { completedOnTime: 0, completedLate: 0, inProgressWithinDeadline: 0, overdue: 0, cancelled: 0, total: 0 };
}

export function addCounts(a: CategoryCounts, b: CategoryCounts): CategoryCounts {
  return {
    completedOnTime: a.completedOnTime + b.completedOnTime,
    completedLate: a.completedLate + b.completedLate,
    inProgressWithinDeadline: a.inProgressWithinDeadline + b.inProgressWithinDeadline,
    overdue: a.overdue + b.overdue,
    cancelled: a.cancelled + b.cancelled,
    total: a.total + b.total,
  };
}

type Countable = Pick<AssignmentSummary, 'status' | 'deadline' | 'completedAt'>;

/** Counts in the four official categories (plus cancelled) at instant `cutoff`. */
export function countCategories(summaries: Iterable<Countable>, cutoff: number): CategoryCounts {
  const counts = emptyCounts();
  for (const summary of summaries) {
    counts.total += 1;
    const category = categorize(summary, cutoff);
    if (category) counts[category] += 1;
    else counts.cancelled += 1;
  }
  return counts;
}

/** The same counts per group (section, agency...), groups in first-seen order. */
export function countCategoriesBy<T extends Countable>(
  items: Iterable<T>,
  keyOf: (item: T) => string,
  cutoff: number,
): Record<string, CategoryCounts> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return Object.fromEntries([...groups].map(([key, group]) => [key, countCategories(group, cutoff)]));
}

export { STATUS_CATEGORIES };
