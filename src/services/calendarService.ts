/**
 * The working calendar the engine uses: statutory holidays, the shipped official decisions of each
 * year, and the secretariat's per-year edits stored in MongoDB (a saved year replaces the shipped one). Saving a year bumps the version and re-times every open assignment.
 */
import type { Client } from '@temporalio/client';
import type { CalendarYear } from '../domain/calendar/calendarYear';
import { resolveCalendar } from '../domain/calendar/resolveCalendar';
import type { CalendarSnapshot } from '../domain/calendar/workingCalendar';
import type { Database } from '../db/database';
import { toCalendarYear } from '../db/models/calendarModel';
import { withOfficialDecisions } from './officialCalendarData';
import { broadcastCalendarWorkflow } from '../../workflows/calendar/broadcastCalendarWorkflow';

/** Years a snapshot covers after the first one: enough for deadlines, extensions and escalation. */
export const SNAPSHOT_YEARS_AHEAD = 3;

export async function calendarSnapshot(db: Database, fromYear: number, toYear = fromYear + SNAPSHOT_YEARS_AHEAD): Promise<CalendarSnapshot> {
  const docs = await db.calendars.find().lean();
  const version = docs.reduce((max, doc) => Math.max(max, doc.version), 0);
  return resolveCalendar({ fromYear, toYear, years: withOfficialDecisions(docs.map(toCalendarYear)), version });
}

export async function saveCalendarYear(
  deps: { db: Database; client: Client; taskQueue: string },
  year: CalendarYear,
  updatedBy: string,
): Promise<{ version: number; retimed: number }> {
  const { db } = deps;
  const current = await db.calendars.find().lean();
  const version = current.reduce((max, doc) => Math.max(max, doc.version), 0) + 1;
  await db.calendars.replaceOne(
    { _id: year.year },
    { daysOff: year.daysOff, workingDays: year.workingDays, notDaysOff: year.notDaysOff, source: year.source, version, updatedAt: new Date(), updatedBy },
    { upsert: true },
  );
  // Every open assignment gets the new calendar, durably: a workflow delivers it to each.
  const open = await db.assignments.find({ status: { $nin: ['accepted', 'cancelled'] } }, { _id: 1, launchDate: 1 }).lean();
  const byStartYear = new Map<number, string[]>();
  for (const doc of open) {
    const fromYear = Number(doc.launchDate.slice(0, 4));
    byStartYear.set(fromYear, [...(byStartYear.get(fromYear) ?? []), doc._id]);
  }
  for (const [fromYear, ids] of byStartYear) {
    await deps.client.workflow.start(broadcastCalendarWorkflow, {
      taskQueue: deps.taskQueue,
      workflowId: `calendar-v${version}-from-${fromYear}`,
      args: [{ snapshot: await calendarSnapshot(db, fromYear), assignmentIds: ids }],
    });
  }
  return { version, retimed: open.length };
}
