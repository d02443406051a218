/**
 * Statistics for the periodic report: per agency and per section, the counts in the four official
 * categories and the on-time rate, as they stood at a cutoff instant. Derived only from events
 * (each assignment's events up to the cutoff are folded and categorised), so a report for a past
 * date shows what was known then: later acceptances and extensions do not count.
 */
import { countCategories, countCategoriesBy, type CategoryCounts } from '../domain/assignment/assignmentSummary';
import type { Database } from '../db/database';
import { foldEventStream } from './foldEventStream';

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
  const all = [...(await foldEventStream(db, { campaignKey, at: { $lte: cutoff } })).values()];
  const at = cutoff.getTime();
  const rows = (groups: Record<string, CategoryCounts>) =>
    Object.entries(groups)
      .map(([key, counts]) => withRate(key, counts))
      .sort((a, b) => a.key.localeCompare(b.key, 'vi', { numeric: true }));
  const total = countCategories(all, at);
  const byAgency = countCategoriesBy(all, (state) => state.agencyCode, at);
  const bySection = countCategoriesBy(all, (state) => String(state.sectionNumber), at);
  return { campaignKey, cutoff: cutoff.toISOString(), total: withRate('total', total), byAgency: rows(byAgency), bySection: rows(bySection) };
}
