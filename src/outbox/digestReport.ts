/**
 * What a campaign's weekly digest reports, as of its slot: each assignment's events up to that
 * instant folded (the same as-of rule as the statistics), counted in the four categories, and
 * the overdue ones listed with working days overdue. A digest re-sent later says the same.
 */
import { countCategories, type CategoryCounts } from '../domain/assignment/assignmentSummary';
import { categorize } from '../domain/assignment/statusCategory';
import { dateAt } from '../domain/time/localDate';
import type { Database } from '../db/database';
import { foldEventStream } from '../projections/foldEventStream';
import type { DigestOverdueItem } from '../mail/digestMailView';
import { dateText, STATUS_WORDS } from '../mail/vietnameseLabels';
import { calendarCovering } from './overdueOfAgency';

export interface DigestReport {
  counts: CategoryCounts;
  overdue: DigestOverdueItem[];
  /** Assignments still owed (in progress or overdue): a campaign with none gets no digest. */
  open: number;
}

export async function digestReport(db: Database, campaignKey: string, asOf: number): Promise<DigestReport> {
  // As the statistics do: only the events recorded by then count.
  const states = [...(await foldEventStream(db, { campaignKey, at: { $lte: new Date(asOf) } })).values()];
  const counts = countCategories(states, asOf);
  const overdueStates = states.filter((state) => categorize(state, asOf) === 'overdue');
  const agencyCodes = [...new Set(overdueStates.map((state) => state.agencyCode))];
  const agencies = new Map((await db.agencies.find({ _id: { $in: agencyCodes } }, { name: 1 }).lean()).map((a) => [a._id, a.name]));
  const calendar = overdueStates.length ? await calendarCovering(db, overdueStates.map((s) => s.deadline), asOf) : undefined;
  const overdue = overdueStates
    .map((state) => ({
      id: state.id,
      title: state.title,
      agencyCode: state.agencyCode,
      agencyName: agencies.get(state.agencyCode) ?? state.agencyCode,
      deadline: dateText(state.deadline),
      workingDaysOverdue: calendar!.workingDaysBetween(state.deadline, dateAt(asOf)),
      status: STATUS_WORDS[state.status],
    }))
    .sort((a, b) => b.workingDaysOverdue - a.workingDaysOverdue || a.id.localeCompare(b.id));
  return { counts, overdue, open: counts.inProgressWithinDeadline + counts.overdue };
}
