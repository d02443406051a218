/**
 * Turns the statutory rules plus the secretariat's per-year data into a CalendarSnapshot that
 * workflows carry. Runs outside workflows (it needs the lunar calendar).
 */
import type { CalendarYear } from './calendarYear';
import { statutoryDaysOff } from './statutoryHolidays';
import type { CalendarSnapshot } from './workingCalendar';
import { isoWeekday } from '../time/localDate';

export function resolveCalendar(options: {
  fromYear: number;
  toYear: number;
  years: CalendarYear[];
  version: number;
}): CalendarSnapshot {
  const daysOff = new Map<string, string>();
  const workingDays = new Map<string, string>();
  for (let year = options.fromYear; year <= options.toYear; year++) {
    const edits = options.years.find((entry) => entry.year === year);
    const moved = new Set(edits?.notDaysOff.map((day) => day.date));
    for (const day of statutoryDaysOff(year)) if (!moved.has(day.date)) daysOff.set(day.date, day.name);
    for (const day of edits?.daysOff ?? []) daysOff.set(day.date, day.name);
    for (const day of edits?.workingDays ?? []) {
      workingDays.set(day.date, day.name);
      daysOff.delete(day.date);
    }
  }
  const sorted = (entries: Map<string, string>) =>
    [...entries].map(([date, name]) => ({ date, name })).sort((a, b) => a.date.localeCompare(b.date));
  return {
    version: options.version,
    fromYear: options.fromYear,
    toYear: options.toYear,
    // A holiday on a weekend is already off; keep the list to the weekdays it changes.
    daysOff: sorted(daysOff).filter((day) => isoWeekday(day.date) < 6),
    workingDays: sorted(workingDays).filter((day) => isoWeekday(day.date) >= 6),
  };
}
