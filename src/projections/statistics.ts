/**
 * Statistics for the periodic report: per agency and per section, the counts in the four official
 * categories and the on-time rate, as they stood at a cutoff instant. Derived only from events
 * (each assignment's events up to the cutoff are folded and categorised), so a report for a past
 * date shows what was known then: later acceptances and extensions do not count.
 */
import { emptyCounts, type CategoryCounts } from '../domain/assignment/assignmentSummary';
import { evolve, type AssignmentState } from '../domain/assignment/assignmentState';
import { categorize } from '../domain/assignment/statusCategory';
import type { Database } from '../db/database';
import { fromStoredEvent } from '../db/models/eventModel';

export interface StatisticsRow extends CategoryCounts {
  key: string;
  /** Completed on time over all completed ones, as a percentage; undefined when none completed. */
  onTimeRate?: number;
}

export interface Statistics {
  campaignKey: string;
  cutoff: string;
  total: StatisticsRow;
  byAgency: StatisticsRow[];
  bySection: StatisticsRow[];
}

function withRate(key: string, counts: CategoryCounts): StatisticsRow {
  const completed = counts.completedOnTime + counts.completedLate;
  const onTimeRate = completed === 0 ? undefined : Math.round((counts.completedOnTime / completed) * 1000) / 10;
  return { key, ...counts, onTimeRate };
}

export async function computeStatistics(db: Database, campaignKey: string, cutoff: Date): Promise<Statistics> {
  const states = new Map<string, AssignmentState>();
  const cursor = db.events
    .find({ campaignKey, at: { $lte: cutoff } })
    .sort({ assignmentId: 1, seq: 1 })
    .lean()
    .cursor();
  for await (const doc of cursor) {
    const event = fromStoredEvent(doc);
    states.set(event.assignmentId, evolve(states.get(event.assignmentId), event));
  }
  const total = emptyCounts();
  const byAgency = new Map<string, CategoryCounts>();
  const bySection = new Map<string, CategoryCounts>();
  const add = (groups: Map<string, CategoryCounts>, key: string) => {
    if (!groups.has(key)) groups.set(key, emptyCounts());
    return groups.get(key)!;
  };
  for (const state of states.values()) {
    const category = categorize(state, cutoff.getTime());
    for (const counts of [total, add(byAgency, state.agencyCode), add(bySection, String(state.sectionNumber))]) {
      counts.total += 1;
      if (category) counts[category] += 1;
      else counts.cancelled += 1;
    }
  }
  const rows = (groups: Map<string, CategoryCounts>) =>
    [...groups].map(([key, counts]) => withRate(key, counts)).sort((a, b) => a.key.localeCompare(b.key, 'vi', { numeric: true }));
  return { campaignKey, cutoff: cutoff.toISOString(), total: withRate('total', total), byAgency: rows(byAgency), bySection: rows(bySection) };
}
