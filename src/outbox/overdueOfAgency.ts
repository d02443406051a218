/**
 * Every overdue assignment of one agency (all campaigns) at an instant, with working days overdue:
 * what the escalation to the People's Committee lists.
 */
import type { AssignmentState } from '../domain/assignment/assignmentState';
import { WorkingCalendar } from '../domain/calendar/workingCalendar';
import { dateAt, yearOf } from '../domain/time/localDate';
import type { Database } from '../db/database';
import { calendarSnapshot } from '../services/calendarService';
import type { OverdueItem } from '../mail/assignmentMailView';
import { dateText, STATUS_WORDS } from '../mail/vietnameseLabels';

/** A calendar that covers every deadline given and the day `at`. */
export async function calendarCovering(db: Database, deadlines: string[], at: number): Promise<WorkingCalendar> {
  const years = [...deadlines.map(yearOf), yearOf(dateAt(at))];
  return new WorkingCalendar(await calendarSnapshot(db, Math.min(...years), Math.max(...years)));
}

export async function overdueOfAgency(db: Database, agencyCode: string, at: number, current: AssignmentState): Promise<OverdueItem[]> {
  const docs = await db.assignments
    .find({ agencyCode, status: { $nin: ['accepted', 'cancelled'] }, deadlineEndsAt: { $lte: new Date(at) } })
    .sort({ deadlineEndsAt: 1, _id: 1 })
    .lean();
  // The escalating assignment as it stood at the escalation, whatever the read model says now.
  const rows = [current, ...docs.filter((doc) => doc._id !== current.id).map((doc) => ({ ...doc, id: doc._id }))];
  const calendar = await calendarCovering(db, rows.map((row) => row.deadline), at);
  const today = dateAt(at);
  return rows
    .map((row) => ({
      id: row.id,
      campaignKey: row.campaignKey,
      title: row.title,
      deadline: dateText(row.deadline),
      workingDaysOverdue: calendar.workingDaysBetween(row.deadline, today),
      status: STATUS_WORDS[row.status],
    }))
    .sort((a, b) => b.workingDaysOverdue - a.workingDaysOverdue || a.id.localeCompare(b.id));
}
