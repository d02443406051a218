/**
 * The working calendar the engine uses: statutory holidays, the shipped official decisions of each
 * year, and the secretariat's saved years in MongoDB. Saving a year bumps the version and re-times
 * every open assignment.
 */
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { LocalDateSchema } from '../domain/time/localDateSchema';
import { CalendarYearSchema, type CalendarYear } from '../domain/calendar/calendarYear';
import { applyCalendarEdit, type CalendarYearEdit } from '../domain/calendar/calendarYearEdit';
import { resolveCalendar } from '../domain/calendar/resolveCalendar';
import { undecidedYears, undecidedYearsWarning } from '../domain/calendar/undecidedYears';
import type { CalendarSnapshot } from '../domain/calendar/workingCalendar';
import type { Database } from '../db/database';
import { dateAt, yearOf, type LocalDate } from '../domain/time/localDate';
import { toCalendarYear } from '../db/models/calendarModel';
import { officialCalendarYears, withOfficialDecisions } from './officialCalendarData';
import { broadcastCalendarWorkflow } from '../../workflows/calendar/broadcastCalendarWorkflow';

/** Years a snapshot covers after this one: enough for deadlines, extensions and escalation. */
export const SNAPSHOT_YEARS_AHEAD = 3;

/** The last year a snapshot made today covers: it moves on with the years, not with the launch. */
export function coveredUntil(fromYear: number, today: LocalDate = dateAt(Date.now())): number {
  return Math.max(fromYear, yearOf(today)) + SNAPSHOT_YEARS_AHEAD;
}

export async function calendarSnapshot(db: Database, fromYear: number, toYear = coveredUntil(fromYear)): Promise<CalendarSnapshot> {
  const docs = await db.calendars.find().lean();
  const version = docs.reduce((max, doc) => Math.max(max, doc.version), 0);
  return resolveCalendar({ fromYear, toYear, years: withOfficialDecisions(docs.map(toCalendarYear)), version });
}

/** A year's calendar data as it stands, and the version a write must carry (0: never saved). */
export async function calendarYearData(db: Database, year: number): Promise<{ data: CalendarYear; version: number; saved: boolean }> {
  const doc = await db.calendars.findById(year).lean();
  if (doc) return { data: toCalendarYear(doc), version: doc.version, saved: true };
  const official = officialCalendarYears().find((entry) => entry.year === year);
  return { data: official ?? { year, daysOff: [], workingDays: [], notDaysOff: [] }, version: 0, saved: false };
}

/** The write carried a version another save has replaced: re-read, re-apply, send again. */
export class StaleCalendarVersion extends Error {
  constructor(readonly currentVersion: number) {
    super(`calendar year changed meanwhile (now version ${currentVersion})`);
  }
}

/** The edit would make the year invalid (a date of another year, a day both off and worked...). */
export class InvalidCalendarYear extends Error {
  constructor(readonly issues: z.ZodError) {
    super('invalid calendar year');
  }
}

/** The next calendar version, unique and increasing across concurrent saves. */
async function nextCalendarVersion(db: Database): Promise<number> {
  const highest = (await db.calendars.findOne({}, { version: 1 }).sort({ version: -1 }).lean())?.version ?? 0;
  for (let attempt = 0; ; attempt++) {
    try {
      // Never behind a version already saved (a database from before the counter existed).
      await db.calendarRevisions.updateOne({ _id: 'calendar' }, { $max: { version: highest } }, { upsert: true });
      break;
    } catch (error) {
      // Two first saves upserting at once: one inserts, the other's insert collides; go again.
      if ((error as { code?: number }).code !== 11000 || attempt >= 3) throw error;
    }
  }
  const counter = await db.calendarRevisions.findOneAndUpdate({ _id: 'calendar' }, { $inc: { version: 1 } }, { returnDocument: 'after' }).lean();
  return counter!.version;
}

const EditAsSentSchema = CalendarYearSchema.and(z.object({ year: z.number(), remove: z.array(LocalDateSchema) })).superRefine((value, ctx) => {
  value.remove.forEach((date, index) => {
    if (yearOf(date) !== value.year) ctx.addIssue({ code: 'custom', message: `Ngày cần bỏ phải thuộc năm ${value.year}.`, path: ['remove', index] });
  });
});

export async function saveCalendarYear(
  deps: { db: Database; client: Client; taskQueue: string },
  year: number,
  edit: CalendarYearEdit & { expectedVersion: number },
  updatedBy: string,
): Promise<{ version: number; retimed: number; data: CalendarYear }> {
  const { db } = deps;
  const current = await calendarYearData(db, year);
  if (current.version !== edit.expectedVersion) throw new StaleCalendarVersion(current.version);
  // Checked as sent first, so that each issue points at the request's own entry.
  const sent = EditAsSentSchema.safeParse({ year, ...edit });
  if (!sent.success) throw new InvalidCalendarYear(sent.error);
  const parsed = CalendarYearSchema.safeParse(applyCalendarEdit(current.data, { ...edit, ...sent.data }));
  if (!parsed.success) throw new InvalidCalendarYear(parsed.error);
  const data = parsed.data;
  const version = await nextCalendarVersion(db);
  const fields = { daysOff: data.daysOff, workingDays: data.workingDays, notDaysOff: data.notDaysOff, source: data.source, version, updatedAt: new Date(), updatedBy };
  // Written only over the version this save started from: of two concurrent saves, one wins and
  // the other is told the year changed (409), instead of one silently undoing the other.
  if (current.saved) {
    const written = await db.calendars.updateOne({ _id: year, version: current.version }, { $set: fields });
    if (written.matchedCount === 0) throw new StaleCalendarVersion((await calendarYearData(db, year)).version);
  } else {
    try {
      await db.calendars.create({ _id: year, ...fields });
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      throw new StaleCalendarVersion((await calendarYearData(db, year)).version);
    }
  }
  forgetDecisionNotice();
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
  return { version, retimed: open.length, data };
}

/** Years without a decision, and the secretariat's warning; kept a minute (health and pages ask often). */
let decisionNotice: { at: number; years: number[]; warning?: string } | undefined;
export async function calendarDecisionNotice(db: Database, now = Date.now()): Promise<{ years: number[]; warning?: string }> {
  if (decisionNotice && Math.abs(now - decisionNotice.at) < 60_000) return decisionNotice;
  const saved = await db.calendars.find({}, { _id: 1 }).lean();
  const decided = new Set([...officialCalendarYears().map((year) => year.year), ...saved.map((doc) => doc._id)]);
  const years = undecidedYears(dateAt(now), decided);
  decisionNotice = { at: now, years, warning: undecidedYearsWarning(years) };
  return decisionNotice;
}

/** A save changes what is decided: the next notice is worked out afresh. */
function forgetDecisionNotice(): void {
  decisionNotice = undefined;
}
