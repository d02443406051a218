/**
 * Statistics for the periodic report: per agency and per section, the counts in the four official
 * categories and the on-time rate, as they stood at a cutoff instant, with the agencies' names and
 * the sections' titles next to their codes and numbers.
 *
 * Two sources, one answer:
 * - now or later: the statistics counters (statisticsCounters), split at the cutoff; no
 *   assignment and no event is read;
 * - a cutoff in the past: that campaign's events recorded by then (found by the index on
 *   campaignKey) are folded and categorised, so a report for a past date shows what was known
 *   then: later acceptances and extensions do not count.
 */
import { addCounts, countCategoriesBy, emptyCounts, type CategoryCounts } from '../domain/assignment/assignmentSummary';
import { countsAt } from '../domain/assignment/categoryTally';
import type { Database } from '../db/database';
import { foldEventStream } from './foldEventStream';

/** The label of the total row, in the CSV and in the JSON (whose `key` stays "total"). */
export const TOTAL_LABEL = 'Tổng cộng';

export interface StatisticsRow extends CategoryCounts {
  /** The agency's code or the section's number: stable, for programs. */
  key: string;
  /** What a person reads: the agency's name, the section's title, or "Tổng cộng". */
  name: string;
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

interface Grouped {
  total: CategoryCounts;
  byAgency: Record<string, CategoryCounts>;
  bySection: Record<string, CategoryCounts>;
}

function withRate(key: string, name: string, counts: CategoryCounts): StatisticsRow {
  const completed = counts.completedOnTime + counts.completedLate;
  const onTimeRate = completed === 0 ? undefined : Math.round((counts.completedOnTime / completed) * 1000) / 10;
  return { key, name, ...counts, onTimeRate };
}

/** Counts by agency and section at `at`, from the counters: valid for `at` now or later. */
async function groupedFromCounters(db: Database, campaignKey: string, at: number): Promise<Grouped> {
  const groups = await db.assignmentCounts.find({ campaignKey }, { sectionNumber: 1, agencyCode: 1, tally: 1 }).lean();
  const grouped: Grouped = { total: emptyCounts(), byAgency: {}, bySection: {} };
  for (const group of groups) {
    const counts = countsAt(group.tally, at);
    if (counts.total === 0) continue; // only assignments reassigned away from this agency
    const section = String(group.sectionNumber);
    grouped.total = addCounts(grouped.total, counts);
    grouped.byAgency[group.agencyCode] = addCounts(grouped.byAgency[group.agencyCode] ?? emptyCounts(), counts);
    grouped.bySection[section] = addCounts(grouped.bySection[section] ?? emptyCounts(), counts);
  }
  return grouped;
}

/** Counts by agency and section as they stood at `cutoff`, folded from the campaign's events. */
async function groupedFromEvents(db: Database, campaignKey: string, cutoff: Date): Promise<Grouped> {
  const all = [...(await foldEventStream(db, { campaignKey, at: { $lte: cutoff } })).values()];
  const at = cutoff.getTime();
  const byAgency = countCategoriesBy(all, (state) => state.agencyCode, at);
  const bySection = countCategoriesBy(all, (state) => String(state.sectionNumber), at);
  return { total: Object.values(byAgency).reduce(addCounts, emptyCounts()), byAgency, bySection };
}

async function named(db: Database, campaignKey: string, cutoff: Date, grouped: Grouped): Promise<Statistics> {
  const [agencies, campaign] = await Promise.all([
    db.agencies.find({ _id: { $in: Object.keys(grouped.byAgency) } }, { name: 1 }).lean(),
    db.campaigns.findById(campaignKey, { 'definition.sections': 1 }).lean(),
  ]);
  const agencyNames = new Map(agencies.map((agency) => [agency._id, agency.name]));
  const sectionTitles = new Map((campaign?.definition?.sections ?? []).map((section) => [String(section.number), section.title]));
  const rows = (groups: Record<string, CategoryCounts>, nameOf: (key: string) => string | undefined) =>
    Object.entries(groups)
      .map(([key, counts]) => withRate(key, nameOf(key) ?? key, counts))
      .sort((a, b) => a.key.localeCompare(b.key, 'vi', { numeric: true }));
  return {
    campaignKey,
    cutoff: cutoff.toISOString(),
    total: withRate('total', TOTAL_LABEL, grouped.total),
    byAgency: rows(grouped.byAgency, (code) => agencyNames.get(code)),
    bySection: rows(grouped.bySection, (number) => sectionTitles.get(number)),
  };
}

/** The statistics of a campaign at `cutoff`: from the counters when it is not in the past. */
export async function computeStatistics(db: Database, campaignKey: string, cutoff: Date, now = Date.now()): Promise<Statistics> {
  const grouped = cutoff.getTime() >= now ? await groupedFromCounters(db, campaignKey, cutoff.getTime()) : await groupedFromEvents(db, campaignKey, cutoff);
  return named(db, campaignKey, cutoff, grouped);
}

/** The same statistics folded from the events, whatever the cutoff: what the counters must equal. */
export async function computeStatisticsFromEvents(db: Database, campaignKey: string, cutoff: Date): Promise<Statistics> {
  return named(db, campaignKey, cutoff, await groupedFromEvents(db, campaignKey, cutoff));
}

export interface CampaignCounts {
  total: CategoryCounts;
  /** By section number, and by "<section>.<task>". */
  bySection: Record<string, CategoryCounts>;
  byTask: Record<string, CategoryCounts>;
}

/**
 * The counts of whole campaigns at `at` (now or later), from the counters: per campaign, with
 * its sections and tasks. `campaignKey` narrows to one campaign.
 */
export async function campaignCounts(db: Database, at: number, campaignKey?: string): Promise<Map<string, CampaignCounts>> {
  const groups = await db.taskCounts.find(campaignKey ? { campaignKey } : {}, { campaignKey: 1, sectionNumber: 1, tasks: 1 }).lean();
  const campaigns = new Map<string, CampaignCounts>();
  const add = (into: Record<string, CategoryCounts>, key: string, counts: CategoryCounts) => {
    into[key] = addCounts(into[key] ?? emptyCounts(), counts);
  };
  for (const group of groups) {
    const campaign = campaigns.get(group.campaignKey) ?? { total: emptyCounts(), bySection: {}, byTask: {} };
    campaigns.set(group.campaignKey, campaign);
    for (const task of group.tasks) {
      const counts = countsAt(task, at);
      campaign.total = addCounts(campaign.total, counts);
      add(campaign.bySection, String(group.sectionNumber), counts);
      add(campaign.byTask, `${group.sectionNumber}.${task.taskNumber}`, counts);
    }
  }
  return campaigns;
}

/** The counts of every campaign at `at` (now or later), from the groups' tallies. */
export async function campaignTotals(db: Database, at: number): Promise<Record<string, CategoryCounts>> {
  const totals: Record<string, CategoryCounts> = {};
  for (const group of await db.assignmentCounts.find({}, { campaignKey: 1, tally: 1 }).lean()) {
    totals[group.campaignKey] = addCounts(totals[group.campaignKey] ?? emptyCounts(), countsAt(group.tally, at));
  }
  return totals;
}

/** Assignments of a campaign still owed now (in progress or overdue), from the counters. */
export async function openAssignments(db: Database, campaignKey: string, now = Date.now()): Promise<number> {
  const { total } = await groupedFromCounters(db, campaignKey, now);
  return total.inProgressWithinDeadline + total.overdue;
}
