/** Shared set-up for the domain unit tests (not a test file itself). */
import { resolveCalendar } from '../../../src/domain/calendar/resolveCalendar';
import { WorkingCalendar } from '../../../src/domain/calendar/workingCalendar';
import type { CalendarYear } from '../../../src/domain/calendar/calendarYear';

/** The statutory calendar (no per-year edits) for 2020-2030, as a workflow would carry it. */
export function statutoryCalendar(fromYear = 2020, toYear = 2030, years: CalendarYear[] = []): WorkingCalendar {
  return new WorkingCalendar(resolveCalendar({ fromYear, toYear, years, version: 1 }));
}

/** 08:00 in Vietnam (UTC+7) on a date, written as the UTC instant it is. */
export function eightAmVietnam(date: string): number {
  return Date.parse(`${date}T01:00:00.000Z`);
}
